"""API types mirroring `openai.types.vector_stores.file_list_params`."""

from typing import Literal

from typing_extensions import TypedDict

__all__ = ["FileListParams"]


class FileListParams(TypedDict, total=False):
    after: str
    before: str
    filter: Literal["in_progress", "completed", "failed", "cancelled"]
    limit: int
    order: Literal["asc", "desc"]
