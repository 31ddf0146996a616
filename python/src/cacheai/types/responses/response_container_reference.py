"""API types mirroring `openai.types.responses.response_container_reference`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseContainerReference"]


class ResponseContainerReference(BaseModel):
    container_id: str
    type: Literal["container_reference"]
