"""API types mirroring `openai.types.model`."""

from typing import Literal

from .._models import BaseModel

__all__ = ["Model"]


class Model(BaseModel):
    """A model the server offers (`GET /models`)."""

    id: str
    created: int
    object: Literal["model"]
    owned_by: str
    shutdown_date: str | None = None
