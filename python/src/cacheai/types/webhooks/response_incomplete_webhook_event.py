"""API types mirroring `openai.types.webhooks.response_incomplete_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "ResponseIncompleteWebhookEvent"]


class Data(BaseModel):
    id: str


class ResponseIncompleteWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["response.incomplete"]
    object: Literal["event"] | None = None
