"""API types mirroring `openai.types.responses.skill_reference`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["SkillReference"]


class SkillReference(BaseModel):
    skill_id: str
    type: Literal["skill_reference"]
    version: str | None = None
