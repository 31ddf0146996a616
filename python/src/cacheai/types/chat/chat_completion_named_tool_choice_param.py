"""API types mirroring `openai.types.chat.chat_completion_named_tool_choice_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ChatCompletionNamedToolChoiceParam", "Function"]


class Function(TypedDict, total=False):
    name: Required[str]


class ChatCompletionNamedToolChoiceParam(TypedDict, total=False):
    function: Required[Function]
    type: Required[Literal["function"]]
