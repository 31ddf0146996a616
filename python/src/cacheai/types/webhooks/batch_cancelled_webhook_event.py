"""API types mirroring `openai.types.webhooks.batch_cancelled_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["BatchCancelledWebhookEvent", "Data"]


class Data(BaseModel):
    id: str


class BatchCancelledWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["batch.cancelled"]
    object: Literal["event"] | None = None
