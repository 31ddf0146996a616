"""API types mirroring `openai.types.responses.response_reasoning_summary_part_added_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Part", "ResponseReasoningSummaryPartAddedEvent"]


class Part(BaseModel):
    text: str
    type: Literal["summary_text"]


class ResponseReasoningSummaryPartAddedEvent(BaseModel):
    item_id: str
    output_index: int
    part: Part
    sequence_number: int
    summary_index: int
    type: Literal["response.reasoning_summary_part.added"]
