"""API types mirroring `openai.types.responses.response_output_item_done_event`."""

from typing import Literal

from ..._models import BaseModel
from .response_output_item import ResponseOutputItem

__all__ = ["ResponseOutputItemDoneEvent"]


class ResponseOutputItemDoneEvent(BaseModel):
    item: ResponseOutputItem
    output_index: int
    sequence_number: int
    type: Literal["response.output_item.done"]
