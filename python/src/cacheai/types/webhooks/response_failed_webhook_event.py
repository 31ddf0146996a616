"""API types mirroring `openai.types.webhooks.response_failed_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "ResponseFailedWebhookEvent"]


class Data(BaseModel):
    id: str


class ResponseFailedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["response.failed"]
    object: Literal["event"] | None = None
