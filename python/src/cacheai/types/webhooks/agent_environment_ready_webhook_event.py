"""API types mirroring `openai.types.webhooks.agent_environment_ready_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["AgentEnvironmentReadyWebhookEvent", "Data"]


class Data(BaseModel):
    id: str


class AgentEnvironmentReadyWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["agent.environment.ready"]
