"""API types mirroring `openai.types.responses.response_audio_transcript_delta_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseAudioTranscriptDeltaEvent"]


class ResponseAudioTranscriptDeltaEvent(BaseModel):
    delta: str
    sequence_number: int
    type: Literal["response.audio.transcript.delta"]
