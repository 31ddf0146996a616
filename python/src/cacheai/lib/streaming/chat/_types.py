"""The accumulated completion a chat stream carries along (openai's snapshot aliases)."""

from typing import TypeAlias

from ....types.chat import ParsedChatCompletion, ParsedChatCompletionMessage, ParsedChoice

__all__ = ["ParsedChatCompletionMessageSnapshot", "ParsedChatCompletionSnapshot", "ParsedChoiceSnapshot"]

ParsedChatCompletionSnapshot: TypeAlias = ParsedChatCompletion[object]
ParsedChatCompletionMessageSnapshot: TypeAlias = ParsedChatCompletionMessage[object]
ParsedChoiceSnapshot: TypeAlias = ParsedChoice[object]
