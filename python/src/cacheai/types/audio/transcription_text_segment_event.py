"""API types mirroring `openai.types.audio.transcription_text_segment_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["TranscriptionTextSegmentEvent"]


class TranscriptionTextSegmentEvent(BaseModel):
    id: str
    end: float
    speaker: str
    start: float
    text: str
    type: Literal["transcript.text.segment"]
