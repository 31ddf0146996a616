"""API types mirroring `openai.types.responses.tool_choice_mcp`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ToolChoiceMcp"]


class ToolChoiceMcp(BaseModel):
    server_label: str
    type: Literal["mcp"]
    name: str | None = None
