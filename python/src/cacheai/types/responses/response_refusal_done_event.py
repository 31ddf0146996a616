"""API types mirroring `openai.types.responses.response_refusal_done_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseRefusalDoneEvent"]


class ResponseRefusalDoneEvent(BaseModel):
    content_index: int
    item_id: str
    output_index: int
    refusal: str
    sequence_number: int
    type: Literal["response.refusal.done"]
