"""API types mirroring `openai.types.webhooks.batch_expired_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["BatchExpiredWebhookEvent", "Data"]


class Data(BaseModel):
    id: str


class BatchExpiredWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["batch.expired"]
    object: Literal["event"] | None = None
