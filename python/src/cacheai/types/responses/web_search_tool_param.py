"""API types mirroring `openai.types.responses.web_search_tool_param`."""

from collections.abc import Sequence
from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["Filters", "UserLocation", "WebSearchToolParam"]


class Filters(TypedDict, total=False):
    allowed_domains: Sequence[str] | None


class UserLocation(TypedDict, total=False):
    city: str | None
    country: str | None
    region: str | None
    timezone: str | None
    type: Literal["approximate"]


class WebSearchToolParam(TypedDict, total=False):
    type: Required[Literal["web_search", "web_search_2025_08_26"]]
    external_web_access: bool
    filters: Filters | None
    search_context_size: Literal["low", "medium", "high"]
    user_location: UserLocation | None
