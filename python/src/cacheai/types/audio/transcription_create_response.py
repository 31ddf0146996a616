"""API types mirroring `openai.types.audio.transcription_create_response`."""

from typing import TypeAlias

from .transcription import Transcription
from .transcription_diarized import TranscriptionDiarized
from .transcription_verbose import TranscriptionVerbose

__all__ = ["TranscriptionCreateResponse"]


TranscriptionCreateResponse: TypeAlias = Transcription | TranscriptionDiarized | TranscriptionVerbose
