"""API types mirroring `openai.types.responses.response_reasoning_summary_part_done_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Part", "ResponseReasoningSummaryPartDoneEvent"]


class Part(BaseModel):
    text: str
    type: Literal["summary_text"]


class ResponseReasoningSummaryPartDoneEvent(BaseModel):
    item_id: str
    output_index: int
    part: Part
    sequence_number: int
    summary_index: int
    type: Literal["response.reasoning_summary_part.done"]
    status: Literal["incomplete"] | None = None
