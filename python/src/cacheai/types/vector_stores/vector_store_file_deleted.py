"""API types mirroring `openai.types.vector_stores.vector_store_file_deleted`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["VectorStoreFileDeleted"]


class VectorStoreFileDeleted(BaseModel):
    id: str
    deleted: bool
    object: Literal["vector_store.file.deleted"]
