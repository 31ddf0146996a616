"""API types mirroring `openai.types.vector_stores.file_batch_list_files_params`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["FileBatchListFilesParams"]


class FileBatchListFilesParams(TypedDict, total=False):
    vector_store_id: Required[str]
    after: str
    before: str
    filter: Literal["in_progress", "completed", "failed", "cancelled"]
    limit: int
    order: Literal["asc", "desc"]
