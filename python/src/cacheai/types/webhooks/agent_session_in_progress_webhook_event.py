"""API types mirroring `openai.types.webhooks.agent_session_in_progress_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["AgentSessionInProgressWebhookEvent", "Data"]


class Data(BaseModel):
    id: str
    environment_type: str
    environment_id: str | None = None


class AgentSessionInProgressWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["agent.session.in_progress"]
