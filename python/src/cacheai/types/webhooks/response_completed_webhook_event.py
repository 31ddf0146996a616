"""API types mirroring `openai.types.webhooks.response_completed_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "ResponseCompletedWebhookEvent"]


class Data(BaseModel):
    id: str


class ResponseCompletedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["response.completed"]
    object: Literal["event"] | None = None
