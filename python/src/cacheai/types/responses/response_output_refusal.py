"""API types mirroring `openai.types.responses.response_output_refusal`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseOutputRefusal"]


class ResponseOutputRefusal(BaseModel):
    refusal: str
    type: Literal["refusal"]
