"""API types mirroring `openai.types.responses.tool_choice_options`."""

from typing import Literal, TypeAlias

__all__ = ["ToolChoiceOptions"]


ToolChoiceOptions: TypeAlias = Literal["none", "auto", "required"]
