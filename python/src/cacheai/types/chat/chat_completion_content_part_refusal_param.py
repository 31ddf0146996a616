"""API types mirroring `openai.types.chat.chat_completion_content_part_refusal_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ChatCompletionContentPartRefusalParam"]


class ChatCompletionContentPartRefusalParam(TypedDict, total=False):
    refusal: Required[str]
    type: Required[Literal["refusal"]]
