"""API types mirroring `openai.types.vector_stores.vector_store_file`."""

from typing import Literal

from ..._models import BaseModel
from ..file_chunking_strategy import FileChunkingStrategy

__all__ = ["LastError", "VectorStoreFile"]


class LastError(BaseModel):
    code: Literal["server_error", "unsupported_file", "invalid_file"]
    message: str


class VectorStoreFile(BaseModel):
    id: str
    created_at: int
    last_error: LastError | None = None
    object: Literal["vector_store.file"]
    status: Literal["in_progress", "completed", "cancelled", "failed"]
    usage_bytes: int
    vector_store_id: str
    attributes: dict[str, str | float | bool] | None = None
    chunking_strategy: FileChunkingStrategy | None = None
