"""API types mirroring `openai.types.audio_response_format`."""

from typing import Literal, TypeAlias

__all__ = ["AudioResponseFormat"]


AudioResponseFormat: TypeAlias = Literal["json", "text", "srt", "verbose_json", "vtt", "diarized_json"]
