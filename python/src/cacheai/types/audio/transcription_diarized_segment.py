"""API types mirroring `openai.types.audio.transcription_diarized_segment`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["TranscriptionDiarizedSegment"]


class TranscriptionDiarizedSegment(BaseModel):
    id: str
    end: float
    speaker: str
    start: float
    text: str
    type: Literal["transcript.text.segment"]
