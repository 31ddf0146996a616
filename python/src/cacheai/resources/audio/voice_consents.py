"""``client.audio.voice_consents``: the recorded consents custom voices need (``/audio/voice_consents``)."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._files import FileTypes
from ..._pagination import SyncCursorPage
from ..._resource import CallOptions, SyncAPIResource, make_options
from ..._types import NotGiven, Omit, omit
from ..._utils import path_param, strip_not_given
from ...types.audio import VoiceConsent, VoiceConsentDeleted

__all__ = ["VoiceConsents"]


class VoiceConsents(SyncAPIResource):
    """A speaker's recorded consent to a custom voice: create (multipart), retrieve, rename, list, delete."""

    def create(
        self,
        *,
        language: str,
        name: str,
        recording: FileTypes,
        **options: Unpack[CallOptions],
    ) -> VoiceConsent:
        """Upload the ``recording`` of a speaker reading the consent statement in ``language``."""
        return self._client.request(  # type: ignore[no-any-return]
            VoiceConsent,
            make_options(
                "POST",
                "audio/voice_consents",
                body={"language": language, "name": name},
                files=[("recording", recording)],
                **options,
            ),
        )

    def retrieve(self, consent_id: str, **options: Unpack[CallOptions]) -> VoiceConsent:
        return self._client.request(  # type: ignore[no-any-return]
            VoiceConsent, make_options("GET", self._path(consent_id), **options)
        )

    def update(self, consent_id: str, *, name: str, **options: Unpack[CallOptions]) -> VoiceConsent:
        """Rename a consent."""
        return self._client.request(  # type: ignore[no-any-return]
            VoiceConsent, make_options("POST", self._path(consent_id), body={"name": name}, **options)
        )

    def list(
        self,
        *,
        after: str | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncCursorPage[VoiceConsent]:
        query = strip_not_given({"after": after, "limit": limit})
        return self._client.get_page(
            SyncCursorPage[VoiceConsent], make_options("GET", "audio/voice_consents", params=query, **options)
        )

    def delete(self, consent_id: str, **options: Unpack[CallOptions]) -> VoiceConsentDeleted:
        return self._client.request(  # type: ignore[no-any-return]
            VoiceConsentDeleted, make_options("DELETE", self._path(consent_id), **options)
        )

    @staticmethod
    def _path(consent_id: str) -> str:
        return f"audio/voice_consents/{path_param('consent_id', consent_id)}"
