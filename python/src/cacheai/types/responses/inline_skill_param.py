"""API types mirroring `openai.types.responses.inline_skill_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

from .inline_skill_source_param import InlineSkillSourceParam

__all__ = ["InlineSkillParam"]


class InlineSkillParam(TypedDict, total=False):
    description: Required[str]
    name: Required[str]
    source: Required[InlineSkillSourceParam]
    type: Required[Literal["inline"]]
