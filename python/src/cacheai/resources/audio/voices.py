"""``client.audio.voices``: custom voices, from a consented audio sample or a text prompt (``POST /audio/voices``,
multipart), and ``DELETE /audio/voices/{id}``."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import Required, Unpack

from ..._files import FileTypes
from ..._params import check_params
from ..._resource import CallOptions, SyncAPIResource, make_options, split_call_options
from ..._types import NotGiven, Omit
from ..._utils import path_param, strip_not_given
from ...types.audio import Voice, VoiceDeleted

__all__ = ["VoiceCreateParams", "Voices"]


class VoiceCreateParams(CallOptions, total=False):
    """The keyword arguments of ``audio.voices.create`` (the reference openai's set): ``name`` with either
    ``audio_sample`` and ``consent`` (a recording of the speaker, with their recorded consent) or ``prompt`` and
    ``type="prompt"`` (a voice described in words)."""

    name: Required[str]
    audio_sample: FileTypes | Omit | NotGiven
    consent: str | Omit | NotGiven
    type: Literal["audio_sample", "prompt"] | Omit | NotGiven
    prompt: str | Omit | NotGiven
    model: str | Omit | NotGiven
    script_hint: str | Omit | NotGiven


_CREATE_PARAMS = frozenset(VoiceCreateParams.__annotations__)
_VARIANTS = (("audio_sample", "consent", "name"), ("name", "prompt", "type"))
_MISSING_MESSAGE = (
    "Missing required arguments; Expected either ('audio_sample', 'consent' and 'name') or "
    "('name', 'prompt' and 'type') arguments to be given"
)


class Voices(SyncAPIResource):
    """Custom voices for ``audio.speech``: ``create`` and ``delete``."""

    def create(self, **params: Unpack[VoiceCreateParams]) -> Voice:
        """A custom voice named ``name``, from ``audio_sample`` and its ``consent`` id, or from a ``prompt``."""
        given: dict[str, Any] = dict(params)
        if not any(all(name in given for name in variant) for variant in _VARIANTS):
            raise TypeError(_MISSING_MESSAGE)  # as openai: by the arguments given, whatever their values, first
        check_params("create", given, _CREATE_PARAMS, (), _MISSING_MESSAGE)
        options = split_call_options(given)
        fields = strip_not_given(given)
        # multipart even without a file, as openai; a sample given as None is refused as no file (openai: an error)
        files = [("audio_sample", fields.pop("audio_sample"))] if "audio_sample" in fields else []
        return self._client.request(  # type: ignore[no-any-return]
            Voice, make_options("POST", "audio/voices", body=fields, files=files, **options)
        )

    def delete(self, voice_id: str, **options: Unpack[CallOptions]) -> VoiceDeleted:
        """Delete a custom voice (its consent recording stays)."""
        return self._client.request(  # type: ignore[no-any-return]
            VoiceDeleted, make_options("DELETE", f"audio/voices/{path_param('voice_id', voice_id)}", **options)
        )
