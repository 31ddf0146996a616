"""API types mirroring `openai.types.vector_store_create_params`."""

from collections.abc import Sequence
from typing import Literal

from typing_extensions import Required, TypedDict

from .file_chunking_strategy_param import FileChunkingStrategyParam

__all__ = ["ExpiresAfter", "VectorStoreCreateParams"]


class ExpiresAfter(TypedDict, total=False):
    anchor: Required[Literal["last_active_at"]]
    days: Required[int]


class VectorStoreCreateParams(TypedDict, total=False):
    chunking_strategy: FileChunkingStrategyParam
    description: str
    expires_after: ExpiresAfter
    file_ids: Sequence[str]
    metadata: dict[str, str] | None
    name: str
