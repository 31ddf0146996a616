"""API types mirroring `openai.types.audio.transcription_include`."""

from typing import Literal, TypeAlias

__all__ = ["TranscriptionInclude"]


TranscriptionInclude: TypeAlias = Literal["logprobs"]
