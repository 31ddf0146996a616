"""API types mirroring `openai.types.audio.transcription_verbose`."""

from typing import Literal

from ..._models import BaseModel
from .transcription_segment import TranscriptionSegment
from .transcription_word import TranscriptionWord

__all__ = ["TranscriptionVerbose", "Usage"]


class Usage(BaseModel):
    seconds: float
    type: Literal["duration"]


class TranscriptionVerbose(BaseModel):
    duration: float
    language: str
    text: str
    segments: list[TranscriptionSegment] | None = None
    usage: Usage | None = None
    words: list[TranscriptionWord] | None = None
