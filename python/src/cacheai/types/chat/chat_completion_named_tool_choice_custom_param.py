"""API types mirroring `openai.types.chat.chat_completion_named_tool_choice_custom_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ChatCompletionNamedToolChoiceCustomParam", "Custom"]


class Custom(TypedDict, total=False):
    name: Required[str]


class ChatCompletionNamedToolChoiceCustomParam(TypedDict, total=False):
    custom: Required[Custom]
    type: Required[Literal["custom"]]
