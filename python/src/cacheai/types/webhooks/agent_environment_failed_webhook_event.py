"""API types mirroring `openai.types.webhooks.agent_environment_failed_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["AgentEnvironmentFailedWebhookEvent", "Data"]


class Data(BaseModel):
    id: str


class AgentEnvironmentFailedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["agent.environment.failed"]
