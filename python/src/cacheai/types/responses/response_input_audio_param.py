"""API types mirroring `openai.types.responses.response_input_audio_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["InputAudio", "ResponseInputAudioParam"]


class InputAudio(TypedDict, total=False):
    data: Required[str]
    format: Required[Literal["mp3", "wav"]]


class ResponseInputAudioParam(TypedDict, total=False):
    input_audio: Required[InputAudio]
    type: Required[Literal["input_audio"]]
