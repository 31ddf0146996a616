"""API types mirroring `openai.types.responses.tool_choice_shell`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ToolChoiceShell"]


class ToolChoiceShell(BaseModel):
    type: Literal["shell"]
