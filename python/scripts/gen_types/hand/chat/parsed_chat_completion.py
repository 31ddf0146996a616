"""API types mirroring `openai.types.chat.parsed_chat_completion`."""

from typing import Generic, TypeVar

from .chat_completion import ChatCompletion, Choice
from .chat_completion_message import ChatCompletionMessage
from .parsed_function_tool_call import ParsedFunctionToolCall

__all__ = ["ParsedChatCompletion", "ParsedChatCompletionMessage", "ParsedChoice"]

ContentType = TypeVar("ContentType")


class ParsedChatCompletionMessage(ChatCompletionMessage, Generic[ContentType]):
    parsed: ContentType | None = None
    """The message content parsed into the ``response_format`` type."""

    tool_calls: list[ParsedFunctionToolCall] | None = None  # type: ignore[assignment]


class ParsedChoice(Choice, Generic[ContentType]):
    message: ParsedChatCompletionMessage[ContentType]


class ParsedChatCompletion(ChatCompletion, Generic[ContentType]):
    choices: list[ParsedChoice[ContentType]]  # type: ignore[assignment]
