"""API types mirroring `openai.types.responses.response_error_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseErrorEvent"]


class ResponseErrorEvent(BaseModel):
    """A stream event reporting an error."""

    code: str | None = None
    message: str
    param: str | None = None
    sequence_number: int
    type: Literal["error"]
