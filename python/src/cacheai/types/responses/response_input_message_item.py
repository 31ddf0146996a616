"""API types mirroring `openai.types.responses.response_input_message_item`."""

from typing import Literal

from ..._models import BaseModel
from .response_custom_tool_call_output import OutputOutputContentList

__all__ = ["ResponseInputMessageItem"]


class ResponseInputMessageItem(BaseModel):
    id: str
    content: list[OutputOutputContentList]
    role: Literal["user", "system", "developer"]
    type: Literal["message"]
    status: Literal["in_progress", "completed", "incomplete"] | None = None
