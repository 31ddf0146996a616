"""API types mirroring `openai.types.responses.response_compaction_compacting_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseCompactionCompactingEvent"]


class ResponseCompactionCompactingEvent(BaseModel):
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.compaction.compacting"]
