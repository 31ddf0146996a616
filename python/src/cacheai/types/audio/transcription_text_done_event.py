"""API types mirroring `openai.types.audio.transcription_text_done_event`."""

from typing import Literal

from ..._models import BaseModel
from .transcription_language import TranscriptionLanguage

__all__ = ["Logprob", "TranscriptionTextDoneEvent", "Usage", "UsageInputTokenDetails"]


class Logprob(BaseModel):
    token: str | None = None
    bytes: list[int] | None = None
    logprob: float | None = None


class UsageInputTokenDetails(BaseModel):
    audio_tokens: int | None = None
    text_tokens: int | None = None


class Usage(BaseModel):
    input_tokens: int
    output_tokens: int
    total_tokens: int
    type: Literal["tokens"]
    input_token_details: UsageInputTokenDetails | None = None


class TranscriptionTextDoneEvent(BaseModel):
    text: str
    type: Literal["transcript.text.done"]
    languages: list[TranscriptionLanguage] | None = None
    logprobs: list[Logprob] | None = None
    usage: Usage | None = None
