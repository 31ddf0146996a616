"""API types mirroring `openai.types.chat.chat_completion_tool_choice_option_param`."""

from typing import Literal, TypeAlias

from .chat_completion_allowed_tool_choice_param import ChatCompletionAllowedToolChoiceParam
from .chat_completion_named_tool_choice_custom_param import ChatCompletionNamedToolChoiceCustomParam
from .chat_completion_named_tool_choice_param import ChatCompletionNamedToolChoiceParam

__all__ = ["ChatCompletionToolChoiceOptionParam"]


ChatCompletionToolChoiceOptionParam: TypeAlias = (
    Literal["none", "auto", "required"]
    | ChatCompletionAllowedToolChoiceParam
    | ChatCompletionNamedToolChoiceParam
    | ChatCompletionNamedToolChoiceCustomParam
)
