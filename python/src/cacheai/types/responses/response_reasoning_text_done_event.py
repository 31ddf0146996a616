"""API types mirroring `openai.types.responses.response_reasoning_text_done_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseReasoningTextDoneEvent"]


class ResponseReasoningTextDoneEvent(BaseModel):
    content_index: int
    item_id: str
    output_index: int
    sequence_number: int
    text: str
    type: Literal["response.reasoning_text.done"]
