"""API types mirroring `openai.types.responses.local_skill_param`."""

from typing_extensions import Required, TypedDict

__all__ = ["LocalSkillParam"]


class LocalSkillParam(TypedDict, total=False):
    description: Required[str]
    name: Required[str]
    path: Required[str]
