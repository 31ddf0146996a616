"""API types mirroring `openai.types.audio.speech_model`."""

from typing import Literal, TypeAlias

__all__ = ["SpeechModel"]


SpeechModel: TypeAlias = Literal["tts-1", "tts-1-hd", "gpt-4o-mini-tts", "gpt-4o-mini-tts-2025-12-15"]
