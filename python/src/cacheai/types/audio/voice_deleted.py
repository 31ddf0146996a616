"""API types mirroring `openai.types.audio.voice_deleted`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["VoiceDeleted"]


class VoiceDeleted(BaseModel):
    id: str
    deleted: bool
    object: Literal["audio.voice.deleted"]
