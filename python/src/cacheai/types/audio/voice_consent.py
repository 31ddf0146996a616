"""API types mirroring `openai.types.audio.voice_consent`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["VoiceConsent"]


class VoiceConsent(BaseModel):
    id: str
    created_at: int
    language: str
    name: str
    object: Literal["audio.voice_consent"]
