"""API types mirroring `openai.types.audio.transcription_segment`."""

from ..._models import BaseModel

__all__ = ["TranscriptionSegment"]


class TranscriptionSegment(BaseModel):
    id: int
    avg_logprob: float
    compression_ratio: float
    end: float
    no_speech_prob: float
    seek: int
    start: float
    temperature: float
    text: str
    tokens: list[int]
