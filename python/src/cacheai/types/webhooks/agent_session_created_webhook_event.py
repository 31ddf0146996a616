"""API types mirroring `openai.types.webhooks.agent_session_created_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["AgentSessionCreatedWebhookEvent", "Data", "DataConnect"]


class DataConnect(BaseModel):
    remote_url: str


class Data(BaseModel):
    id: str
    environment_type: str
    connect: DataConnect | None = None
    environment_id: str | None = None


class AgentSessionCreatedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["agent.session.created"]
