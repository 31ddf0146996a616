"""API types mirroring `openai.types.chat.chat_completion_audio_param`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

__all__ = ["ChatCompletionAudioParam", "Voice", "VoiceID"]


class VoiceID(TypedDict, total=False):
    id: Required[str]


Voice: TypeAlias = (
    str | Literal["alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar"] | VoiceID
)


class ChatCompletionAudioParam(TypedDict, total=False):
    format: Required[Literal["wav", "aac", "mp3", "flac", "opus", "pcm16"]]
    voice: Required[Voice]
