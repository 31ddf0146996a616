"""API types mirroring `openai.types.webhooks.batch_failed_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["BatchFailedWebhookEvent", "Data"]


class Data(BaseModel):
    id: str


class BatchFailedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["batch.failed"]
    object: Literal["event"] | None = None
