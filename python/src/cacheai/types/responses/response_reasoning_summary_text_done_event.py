"""API types mirroring `openai.types.responses.response_reasoning_summary_text_done_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseReasoningSummaryTextDoneEvent"]


class ResponseReasoningSummaryTextDoneEvent(BaseModel):
    item_id: str
    output_index: int
    sequence_number: int
    summary_index: int
    text: str
    type: Literal["response.reasoning_summary_text.done"]
