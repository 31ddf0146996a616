"""``client.audio``: ``speech`` (text to audio), ``transcriptions`` and ``translations`` (audio to text)."""

from __future__ import annotations

from functools import cached_property

from ..._resource import SyncAPIResource
from .speech import Speech
from .transcriptions import Transcriptions
from .translations import Translations

__all__ = ["Audio", "Speech", "Transcriptions", "Translations"]


class Audio(SyncAPIResource):
    """Text to speech (``speech``) and speech to text (``transcriptions``, ``translations``)."""

    @cached_property
    def speech(self) -> Speech:
        return Speech(self._client)

    @cached_property
    def transcriptions(self) -> Transcriptions:
        return Transcriptions(self._client)

    @cached_property
    def translations(self) -> Translations:
        return Translations(self._client)
