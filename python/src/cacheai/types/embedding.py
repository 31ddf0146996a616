"""API types mirroring `openai.types.embedding`."""

from typing import Literal

from .._models import BaseModel

__all__ = ["Embedding"]


class Embedding(BaseModel):
    """One embedding vector and the index of its input."""

    embedding: list[float]
    index: int
    object: Literal["embedding"]
