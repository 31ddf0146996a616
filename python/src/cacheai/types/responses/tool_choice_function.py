"""API types mirroring `openai.types.responses.tool_choice_function`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ToolChoiceFunction"]


class ToolChoiceFunction(BaseModel):
    name: str
    type: Literal["function"]
