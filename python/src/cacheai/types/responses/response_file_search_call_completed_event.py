"""API types mirroring `openai.types.responses.response_file_search_call_completed_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseFileSearchCallCompletedEvent"]


class ResponseFileSearchCallCompletedEvent(BaseModel):
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.file_search_call.completed"]
