"""API types mirroring `openai.types.graders.string_check_grader_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["StringCheckGraderParam"]


class StringCheckGraderParam(TypedDict, total=False):
    input: Required[str]
    name: Required[str]
    operation: Required[Literal["eq", "ne", "like", "ilike"]]
    reference: Required[str]
    type: Required[Literal["string_check"]]
