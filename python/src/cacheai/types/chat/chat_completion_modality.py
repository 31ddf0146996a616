"""API types mirroring `openai.types.chat.chat_completion_modality`."""

from typing import Literal, TypeAlias

__all__ = ["ChatCompletionModality"]


ChatCompletionModality: TypeAlias = Literal["text", "audio"]
