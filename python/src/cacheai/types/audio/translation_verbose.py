"""API types mirroring `openai.types.audio.translation_verbose`."""

from ..._models import BaseModel
from .transcription_segment import TranscriptionSegment

__all__ = ["TranslationVerbose"]


class TranslationVerbose(BaseModel):
    duration: float
    language: str
    text: str
    segments: list[TranscriptionSegment] | None = None
