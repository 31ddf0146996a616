"""API types mirroring `openai.types.responses.easy_input_message`."""

from typing import Literal

from ..._models import BaseModel
from .response_custom_tool_call_output import OutputOutputContentList

__all__ = ["EasyInputMessage"]


class EasyInputMessage(BaseModel):
    content: str | list[OutputOutputContentList]
    role: Literal["user", "assistant", "system", "developer"]
    phase: Literal["commentary", "final_answer"] | None = None
    type: Literal["message"] | None = None
