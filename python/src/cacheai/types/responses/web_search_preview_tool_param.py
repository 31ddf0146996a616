"""API types mirroring `openai.types.responses.web_search_preview_tool_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["UserLocation", "WebSearchPreviewToolParam"]


class UserLocation(TypedDict, total=False):
    type: Required[Literal["approximate"]]
    city: str | None
    country: str | None
    region: str | None
    timezone: str | None


class WebSearchPreviewToolParam(TypedDict, total=False):
    type: Required[Literal["web_search_preview", "web_search_preview_2025_03_11"]]
    search_content_types: list[Literal["text", "image"]]
    search_context_size: Literal["low", "medium", "high"]
    user_location: UserLocation | None
