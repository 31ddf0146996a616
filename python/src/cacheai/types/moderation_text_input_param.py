"""API types mirroring `openai.types.moderation_text_input_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ModerationTextInputParam"]


class ModerationTextInputParam(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["text"]]
