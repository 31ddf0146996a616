"""API types mirroring `openai.types.responses.response_local_environment`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseLocalEnvironment"]


class ResponseLocalEnvironment(BaseModel):
    type: Literal["local"]
