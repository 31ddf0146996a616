"""API types mirroring `openai.types.vector_store_list_params`."""

from typing import Literal

from typing_extensions import TypedDict

__all__ = ["VectorStoreListParams"]


class VectorStoreListParams(TypedDict, total=False):
    after: str
    before: str
    limit: int
    order: Literal["asc", "desc"]
