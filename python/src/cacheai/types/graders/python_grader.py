"""API types mirroring `openai.types.graders.python_grader`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["PythonGrader"]


class PythonGrader(BaseModel):
    name: str
    source: str
    type: Literal["python"]
    image_tag: str | None = None
