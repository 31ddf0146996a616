"""API types mirroring `openai.types.responses.response_audio_done_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseAudioDoneEvent"]


class ResponseAudioDoneEvent(BaseModel):
    sequence_number: int
    type: Literal["response.audio.done"]
