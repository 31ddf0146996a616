"""API types mirroring `openai.types.responses.tool_choice_allowed`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ToolChoiceAllowed"]


class ToolChoiceAllowed(BaseModel):
    mode: Literal["auto", "required"]
    tools: list[dict[str, object]]
    type: Literal["allowed_tools"]
