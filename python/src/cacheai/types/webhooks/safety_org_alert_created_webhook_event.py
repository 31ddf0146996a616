"""API types mirroring `openai.types.webhooks.safety_org_alert_created_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "SafetyOrgAlertCreatedWebhookEvent"]


class Data(BaseModel):
    id: str


class SafetyOrgAlertCreatedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["safety.org_alert.created"]
