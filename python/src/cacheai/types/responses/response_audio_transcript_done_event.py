"""API types mirroring `openai.types.responses.response_audio_transcript_done_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseAudioTranscriptDoneEvent"]


class ResponseAudioTranscriptDoneEvent(BaseModel):
    sequence_number: int
    type: Literal["response.audio.transcript.done"]
