"""API types mirroring `openai.types.responses.response_conversation_param`."""

from ..._models import BaseModel

__all__ = ["ResponseConversationParam"]


class ResponseConversationParam(BaseModel):
    id: str
