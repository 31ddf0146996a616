"""API types mirroring `openai.types.responses.tool_choice_apply_patch`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ToolChoiceApplyPatch"]


class ToolChoiceApplyPatch(BaseModel):
    type: Literal["apply_patch"]
