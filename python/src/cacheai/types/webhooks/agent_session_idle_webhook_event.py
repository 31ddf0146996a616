"""API types mirroring `openai.types.webhooks.agent_session_idle_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["AgentSessionIdleWebhookEvent", "Data"]


class Data(BaseModel):
    id: str
    environment_type: str
    environment_id: str | None = None


class AgentSessionIdleWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["agent.session.idle"]
