"""API types mirroring `openai.types.chat.chat_completion_reasoning_effort`."""

from typing import Literal, TypeAlias

__all__ = ["ChatCompletionReasoningEffort"]


ChatCompletionReasoningEffort: TypeAlias = Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"] | None
