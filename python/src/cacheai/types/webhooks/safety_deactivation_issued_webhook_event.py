"""API types mirroring `openai.types.webhooks.safety_deactivation_issued_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "SafetyDeactivationIssuedWebhookEvent"]


class Data(BaseModel):
    id: str


class SafetyDeactivationIssuedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["safety.deactivation_issued"]
