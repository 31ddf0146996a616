"""API types mirroring `openai.types.responses.response_input_audio`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["InputAudio", "ResponseInputAudio"]


class InputAudio(BaseModel):
    data: str
    format: Literal["mp3", "wav"]


class ResponseInputAudio(BaseModel):
    input_audio: InputAudio
    type: Literal["input_audio"]
