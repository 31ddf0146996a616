"""API types mirroring `openai.types.chat.chat_completion_tool_param`."""

from ..shared_params.function_definition import FunctionDefinition as FunctionDefinition
from .chat_completion_function_tool_param import ChatCompletionFunctionToolParam

__all__ = ["ChatCompletionToolParam", "FunctionDefinition"]


ChatCompletionToolParam = ChatCompletionFunctionToolParam
