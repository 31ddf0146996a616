"""API types mirroring `openai.types.batch_request_counts`."""

from .._models import BaseModel

__all__ = ["BatchRequestCounts"]


class BatchRequestCounts(BaseModel):
    completed: int
    failed: int
    total: int
