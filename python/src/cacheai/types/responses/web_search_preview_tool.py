"""API types mirroring `openai.types.responses.web_search_preview_tool`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["UserLocation", "WebSearchPreviewTool"]


class UserLocation(BaseModel):
    type: Literal["approximate"]
    city: str | None = None
    country: str | None = None
    region: str | None = None
    timezone: str | None = None


class WebSearchPreviewTool(BaseModel):
    type: Literal["web_search_preview", "web_search_preview_2025_03_11"]
    search_content_types: list[Literal["text", "image"]] | None = None
    search_context_size: Literal["low", "medium", "high"] | None = None
    user_location: UserLocation | None = None
