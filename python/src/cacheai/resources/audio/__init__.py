"""``client.audio``: ``speech`` (text to audio), ``transcriptions`` and ``translations`` (audio to text), custom
``voices`` and their ``voice_consents``."""

from __future__ import annotations

from functools import cached_property

from ..._resource import SyncAPIResource
from .speech import Speech
from .transcriptions import Transcriptions
from .translations import Translations
from .voice_consents import VoiceConsents
from .voices import Voices

__all__ = ["Audio", "Speech", "Transcriptions", "Translations", "VoiceConsents", "Voices"]


class Audio(SyncAPIResource):
    """Text to speech (``speech``), speech to text (``transcriptions``, ``translations``), custom ``voices``."""

    @cached_property
    def speech(self) -> Speech:
        return Speech(self._client)

    @cached_property
    def transcriptions(self) -> Transcriptions:
        return Transcriptions(self._client)

    @cached_property
    def translations(self) -> Translations:
        return Translations(self._client)

    @cached_property
    def voices(self) -> Voices:
        return Voices(self._client)

    @cached_property
    def voice_consents(self) -> VoiceConsents:
        return VoiceConsents(self._client)
