"""API types mirroring `openai.types.audio.transcription`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .transcription_language import TranscriptionLanguage

__all__ = ["Logprob", "Transcription", "Usage", "UsageDuration", "UsageTokens", "UsageTokensInputTokenDetails"]


class Logprob(BaseModel):
    token: str | None = None
    bytes: list[float] | None = None
    logprob: float | None = None


class UsageTokensInputTokenDetails(BaseModel):
    audio_tokens: int | None = None
    text_tokens: int | None = None


class UsageTokens(BaseModel):
    input_tokens: int
    output_tokens: int
    total_tokens: int
    type: Literal["tokens"]
    input_token_details: UsageTokensInputTokenDetails | None = None


class UsageDuration(BaseModel):
    seconds: float
    type: Literal["duration"]


Usage: TypeAlias = Annotated[UsageTokens | UsageDuration, Field(discriminator="type")]


class Transcription(BaseModel):
    text: str
    languages: list[TranscriptionLanguage] | None = None
    logprobs: list[Logprob] | None = None
    usage: Usage | None = None
