"""API types mirroring `openai.types.responses.custom_tool`."""

from typing import Literal

from pydantic import Field

from ..._models import BaseModel
from ..shared.custom_tool_input_format import CustomToolInputFormat

__all__ = ["CustomTool"]


class CustomTool(BaseModel):
    name: str
    type: Literal["custom"]
    allowed_callers: list[Literal["direct", "programmatic"]] | None = None
    async_: bool | None = Field(default=None, alias="async")
    defer_loading: bool | None = None
    description: str | None = None
    format: CustomToolInputFormat | None = None
