"""API types mirroring `openai.types.vector_stores.file_batch_create_params`."""

from collections.abc import Iterable, Sequence

from typing_extensions import Required, TypedDict

from ..file_chunking_strategy_param import FileChunkingStrategyParam

__all__ = ["File", "FileBatchCreateParams"]


class File(TypedDict, total=False):
    file_id: Required[str]
    attributes: dict[str, str | float | bool] | None
    chunking_strategy: FileChunkingStrategyParam


class FileBatchCreateParams(TypedDict, total=False):
    attributes: dict[str, str | float | bool] | None
    chunking_strategy: FileChunkingStrategyParam
    file_ids: Sequence[str]
    files: Iterable[File]
