"""API types mirroring `openai.types.chat.chat_completion_message_tool_call_union_param`."""

from typing import TypeAlias

from .chat_completion_message_custom_tool_call_param import ChatCompletionMessageCustomToolCallParam
from .chat_completion_message_function_tool_call_param import ChatCompletionMessageFunctionToolCallParam

__all__ = ["ChatCompletionMessageToolCallUnionParam"]


ChatCompletionMessageToolCallUnionParam: TypeAlias = (
    ChatCompletionMessageFunctionToolCallParam | ChatCompletionMessageCustomToolCallParam
)
