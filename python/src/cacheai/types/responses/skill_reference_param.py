"""API types mirroring `openai.types.responses.skill_reference_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["SkillReferenceParam"]


class SkillReferenceParam(TypedDict, total=False):
    skill_id: Required[str]
    type: Required[Literal["skill_reference"]]
    version: str
