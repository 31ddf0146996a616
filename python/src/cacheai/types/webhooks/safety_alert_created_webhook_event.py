"""API types mirroring `openai.types.webhooks.safety_alert_created_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "SafetyAlertCreatedWebhookEvent"]


class Data(BaseModel):
    id: str


class SafetyAlertCreatedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["safety.alert.created"]
