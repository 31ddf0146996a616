"""API types mirroring `openai.types.audio.speech_create_params`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

__all__ = ["SpeechCreateParams", "Voice", "VoiceID"]


class VoiceID(TypedDict, total=False):
    id: Required[str]


Voice: TypeAlias = (
    str
    | Literal[
        "alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar", "fable", "onyx", "nova"
    ]
    | VoiceID
)


class SpeechCreateParams(TypedDict, total=False):
    input: Required[str]
    model: Required[str | Literal["tts-1", "tts-1-hd", "gpt-4o-mini-tts", "gpt-4o-mini-tts-2025-12-15"]]
    voice: Required[Voice]
    instructions: str
    response_format: Literal["mp3", "opus", "aac", "flac", "wav", "pcm"]
    speed: float
    stream_format: Literal["sse", "audio"]
