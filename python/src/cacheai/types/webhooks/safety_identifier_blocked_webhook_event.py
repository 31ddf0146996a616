"""API types mirroring `openai.types.webhooks.safety_identifier_blocked_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "SafetyIdentifierBlockedWebhookEvent"]


class Data(BaseModel):
    safety_category: str
    safety_identifier: str
    model: str | None = None
    project_id: str | None = None
    request_id: str | None = None


class SafetyIdentifierBlockedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["safety_identifier.blocked"]
    object: Literal["event"] | None = None
