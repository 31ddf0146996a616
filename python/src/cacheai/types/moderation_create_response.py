"""API types mirroring `openai.types.moderation_create_response`."""

from .._models import BaseModel
from .moderation import Moderation

__all__ = ["ModerationCreateResponse"]


class ModerationCreateResponse(BaseModel):
    id: str
    model: str
    results: list[Moderation]
