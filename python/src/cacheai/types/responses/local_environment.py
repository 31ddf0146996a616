"""API types mirroring `openai.types.responses.local_environment`."""

from typing import Literal

from ..._models import BaseModel
from .local_skill import LocalSkill

__all__ = ["LocalEnvironment"]


class LocalEnvironment(BaseModel):
    type: Literal["local"]
    skills: list[LocalSkill] | None = None
