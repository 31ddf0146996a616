"""API types mirroring `openai.types.responses.local_skill`."""

from ..._models import BaseModel

__all__ = ["LocalSkill"]


class LocalSkill(BaseModel):
    description: str
    name: str
    path: str
