"""API types mirroring `openai.types.embedding_create_params`."""

from collections.abc import Iterable, Sequence
from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["EmbeddingCreateParams"]


class EmbeddingCreateParams(TypedDict, total=False):
    input: Required[str | Sequence[str] | Iterable[int] | Iterable[Iterable[int]]]
    model: Required[str | Literal["text-embedding-ada-002", "text-embedding-3-small", "text-embedding-3-large"]]
    dimensions: int
    encoding_format: Literal["float", "base64"]
    user: str
