"""API types mirroring `openai.types.responses.response_created_event`."""

from typing import Literal

from ..._models import BaseModel
from .response import Response

__all__ = ["ResponseCreatedEvent"]


class ResponseCreatedEvent(BaseModel):
    response: Response
    sequence_number: int
    type: Literal["response.created"]
