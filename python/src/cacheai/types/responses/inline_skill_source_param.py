"""API types mirroring `openai.types.responses.inline_skill_source_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["InlineSkillSourceParam"]


class InlineSkillSourceParam(TypedDict, total=False):
    data: Required[str]
    media_type: Required[Literal["application/zip"]]
    type: Required[Literal["base64"]]
