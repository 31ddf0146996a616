"""API types mirroring `openai.types.webhooks.agent_environment_expired_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["AgentEnvironmentExpiredWebhookEvent", "Data"]


class Data(BaseModel):
    id: str


class AgentEnvironmentExpiredWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["agent.environment.expired"]
