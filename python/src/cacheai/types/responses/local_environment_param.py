"""API types mirroring `openai.types.responses.local_environment_param`."""

from collections.abc import Iterable
from typing import Literal

from typing_extensions import Required, TypedDict

from .local_skill_param import LocalSkillParam

__all__ = ["LocalEnvironmentParam"]


class LocalEnvironmentParam(TypedDict, total=False):
    type: Required[Literal["local"]]
    skills: Iterable[LocalSkillParam]
