"""API types mirroring `openai.types.create_embedding_response`."""

from typing import Literal

from .._models import BaseModel
from .embedding import Embedding

__all__ = ["CreateEmbeddingResponse", "Usage"]


class Usage(BaseModel):
    prompt_tokens: int
    total_tokens: int


class CreateEmbeddingResponse(BaseModel):
    """The result of `POST /embeddings`."""

    data: list[Embedding]
    model: str
    object: Literal["list"]
    usage: Usage
