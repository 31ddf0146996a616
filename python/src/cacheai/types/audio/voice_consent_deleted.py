"""API types mirroring `openai.types.audio.voice_consent_deleted`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["VoiceConsentDeleted"]


class VoiceConsentDeleted(BaseModel):
    id: str
    deleted: bool
    object: Literal["audio.voice_consent"]
