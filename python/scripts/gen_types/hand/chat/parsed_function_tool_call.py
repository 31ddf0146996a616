"""API types mirroring `openai.types.chat.parsed_function_tool_call`."""

from .chat_completion_message_function_tool_call import ChatCompletionMessageFunctionToolCall, Function

__all__ = ["ParsedFunction", "ParsedFunctionToolCall"]


class ParsedFunction(Function):
    parsed_arguments: object | None = None
    """The arguments: an instance of the model of a ``pydantic_function_tool``, else the parsed JSON."""


class ParsedFunctionToolCall(ChatCompletionMessageFunctionToolCall):
    function: ParsedFunction
