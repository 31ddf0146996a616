"""API types mirroring `openai.types.vector_store_search_response`."""

from typing import Literal

from .._models import BaseModel

__all__ = ["Content", "VectorStoreSearchResponse"]


class Content(BaseModel):
    text: str
    type: Literal["text"]


class VectorStoreSearchResponse(BaseModel):
    attributes: dict[str, str | float | bool] | None = None
    content: list[Content]
    file_id: str
    filename: str
    score: float
