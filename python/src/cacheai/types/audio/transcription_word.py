"""API types mirroring `openai.types.audio.transcription_word`."""

from ..._models import BaseModel

__all__ = ["TranscriptionWord"]


class TranscriptionWord(BaseModel):
    end: float
    start: float
    word: str
