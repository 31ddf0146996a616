"""API types mirroring `openai.types.webhooks.response_cancelled_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "ResponseCancelledWebhookEvent"]


class Data(BaseModel):
    id: str


class ResponseCancelledWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["response.cancelled"]
    object: Literal["event"] | None = None
