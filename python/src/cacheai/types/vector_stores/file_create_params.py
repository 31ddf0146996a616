"""API types mirroring `openai.types.vector_stores.file_create_params`."""

from typing_extensions import Required, TypedDict

from ..file_chunking_strategy_param import FileChunkingStrategyParam

__all__ = ["FileCreateParams"]


class FileCreateParams(TypedDict, total=False):
    file_id: Required[str]
    attributes: dict[str, str | float | bool] | None
    chunking_strategy: FileChunkingStrategyParam
