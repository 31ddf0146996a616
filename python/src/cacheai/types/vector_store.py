"""API types mirroring `openai.types.vector_store`."""

from typing import Literal

from .._models import BaseModel

__all__ = ["ExpiresAfter", "FileCounts", "VectorStore"]


class FileCounts(BaseModel):
    cancelled: int
    completed: int
    failed: int
    in_progress: int
    total: int


class ExpiresAfter(BaseModel):
    anchor: Literal["last_active_at"]
    days: int


class VectorStore(BaseModel):
    id: str
    created_at: int
    file_counts: FileCounts
    last_active_at: int | None = None
    metadata: dict[str, str] | None = None
    name: str
    object: Literal["vector_store"]
    status: Literal["expired", "in_progress", "completed"]
    usage_bytes: int
    expires_after: ExpiresAfter | None = None
    expires_at: int | None = None
