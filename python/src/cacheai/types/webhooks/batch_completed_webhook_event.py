"""API types mirroring `openai.types.webhooks.batch_completed_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["BatchCompletedWebhookEvent", "Data"]


class Data(BaseModel):
    id: str


class BatchCompletedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["batch.completed"]
    object: Literal["event"] | None = None
