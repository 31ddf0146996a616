"""API types mirroring `openai.types.webhooks.agent_session_action_required_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["AgentSessionActionRequiredWebhookEvent", "Data", "DataRequiredAction"]


class DataRequiredAction(BaseModel):
    type: Literal["computer_use_approval_request", "mcp_approval_request", "function_call", "environment_connection"]


class Data(BaseModel):
    id: str
    required_action: DataRequiredAction


class AgentSessionActionRequiredWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["agent.session.action_required"]
