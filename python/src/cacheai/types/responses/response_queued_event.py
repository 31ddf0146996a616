"""API types mirroring `openai.types.responses.response_queued_event`."""

from typing import Literal

from ..._models import BaseModel
from .response import Response

__all__ = ["ResponseQueuedEvent"]


class ResponseQueuedEvent(BaseModel):
    response: Response
    sequence_number: int
    type: Literal["response.queued"]
