"""API types mirroring `openai.types.chat.chat_completion_tool_union_param`."""

from typing import TypeAlias

from .chat_completion_custom_tool_param import ChatCompletionCustomToolParam
from .chat_completion_function_tool_param import ChatCompletionFunctionToolParam

__all__ = ["ChatCompletionToolUnionParam"]


ChatCompletionToolUnionParam: TypeAlias = ChatCompletionFunctionToolParam | ChatCompletionCustomToolParam
