"""API types mirroring `openai.types.responses.tool_search_tool`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ToolSearchTool"]


class ToolSearchTool(BaseModel):
    type: Literal["tool_search"]
    description: str | None = None
    execution: Literal["server", "client"] | None = None
    parameters: object | None = None
