"""API types mirroring `openai.types.webhooks.safety_warning_issued_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "SafetyWarningIssuedWebhookEvent"]


class Data(BaseModel):
    id: str


class SafetyWarningIssuedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["safety.warning_issued"]
