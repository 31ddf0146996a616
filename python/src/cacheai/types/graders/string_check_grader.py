"""API types mirroring `openai.types.graders.string_check_grader`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["StringCheckGrader"]


class StringCheckGrader(BaseModel):
    input: str
    name: str
    operation: Literal["eq", "ne", "like", "ilike"]
    reference: str
    type: Literal["string_check"]
