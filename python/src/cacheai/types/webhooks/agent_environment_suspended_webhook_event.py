"""API types mirroring `openai.types.webhooks.agent_environment_suspended_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["AgentEnvironmentSuspendedWebhookEvent", "Data"]


class Data(BaseModel):
    id: str


class AgentEnvironmentSuspendedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["agent.environment.suspended"]
