"""API types mirroring `openai.types.responses.response_output_item_added_event`."""

from typing import Literal

from ..._models import BaseModel
from .response_output_item import ResponseOutputItem

__all__ = ["ResponseOutputItemAddedEvent"]


class ResponseOutputItemAddedEvent(BaseModel):
    item: ResponseOutputItem
    output_index: int
    sequence_number: int
    type: Literal["response.output_item.added"]
