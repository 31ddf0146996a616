"""API types mirroring `openai.types.audio.transcription_language`."""

from ..._models import BaseModel

__all__ = ["TranscriptionLanguage"]


class TranscriptionLanguage(BaseModel):
    code: str
