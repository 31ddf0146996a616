"""API types mirroring `openai.types.responses.web_search_tool`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Filters", "UserLocation", "WebSearchTool"]


class Filters(BaseModel):
    allowed_domains: list[str] | None = None


class UserLocation(BaseModel):
    city: str | None = None
    country: str | None = None
    region: str | None = None
    timezone: str | None = None
    type: Literal["approximate"] | None = None


class WebSearchTool(BaseModel):
    type: Literal["web_search", "web_search_2025_08_26"]
    external_web_access: bool | None = None
    filters: Filters | None = None
    search_context_size: Literal["low", "medium", "high"] | None = None
    user_location: UserLocation | None = None
