"""API types mirroring `openai.types.chat.chat_completion_allowed_tool_choice_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

from .chat_completion_allowed_tools_param import ChatCompletionAllowedToolsParam

__all__ = ["ChatCompletionAllowedToolChoiceParam"]


class ChatCompletionAllowedToolChoiceParam(TypedDict, total=False):
    allowed_tools: Required[ChatCompletionAllowedToolsParam]
    type: Required[Literal["allowed_tools"]]
