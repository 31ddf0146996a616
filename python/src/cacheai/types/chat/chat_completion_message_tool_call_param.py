"""API types mirroring `openai.types.chat.chat_completion_message_tool_call_param`."""

from .chat_completion_message_function_tool_call_param import ChatCompletionMessageFunctionToolCallParam
from .chat_completion_message_function_tool_call_param import Function as Function

__all__ = ["ChatCompletionMessageToolCallParam", "Function"]


ChatCompletionMessageToolCallParam = ChatCompletionMessageFunctionToolCallParam
