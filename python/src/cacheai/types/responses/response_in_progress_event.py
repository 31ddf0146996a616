"""API types mirroring `openai.types.responses.response_in_progress_event`."""

from typing import Literal

from ..._models import BaseModel
from .response import Response

__all__ = ["ResponseInProgressEvent"]


class ResponseInProgressEvent(BaseModel):
    response: Response
    sequence_number: int
    type: Literal["response.in_progress"]
