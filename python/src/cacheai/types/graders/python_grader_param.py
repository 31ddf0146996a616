"""API types mirroring `openai.types.graders.python_grader_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["PythonGraderParam"]


class PythonGraderParam(TypedDict, total=False):
    name: Required[str]
    source: Required[str]
    type: Required[Literal["python"]]
    image_tag: str
