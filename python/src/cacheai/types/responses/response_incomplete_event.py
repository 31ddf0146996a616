"""API types mirroring `openai.types.responses.response_incomplete_event`."""

from typing import Literal

from ..._models import BaseModel
from .response import Response

__all__ = ["ResponseIncompleteEvent"]


class ResponseIncompleteEvent(BaseModel):
    response: Response
    sequence_number: int
    type: Literal["response.incomplete"]
