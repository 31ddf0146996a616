"""API types mirroring `openai.types.webhooks.agent_session_failed_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["AgentSessionFailedWebhookEvent", "Data"]


class Data(BaseModel):
    id: str
    environment_type: str
    environment_id: str | None = None


class AgentSessionFailedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["agent.session.failed"]
