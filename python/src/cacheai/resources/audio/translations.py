"""``client.audio.translations``: ``POST /audio/translations`` (multipart), audio to English text."""

from __future__ import annotations

from typing import Any, Literal, overload

from typing_extensions import Unpack, deprecated

from ..._files import FileTypes
from ..._resource import CallOptions, SyncAPIResource, make_options
from ..._types import NotGiven, Omit, omit
from ..._utils import strip_not_given
from ...types import AudioModel
from ...types.audio import Translation, TranslationVerbose
from ._format import result_type

__all__ = ["Translations"]

_Format = Literal["json", "text", "srt", "verbose_json", "vtt"]


class Translations(SyncAPIResource):
    """Audio to English text: ``create`` (JSON models or ``str`` for text formats)."""

    @overload
    @deprecated("deprecated", category=None)
    def create(
        self,
        *,
        file: FileTypes,
        model: str | AudioModel,
        prompt: str | Omit | NotGiven = ...,
        response_format: Literal["json"] | Omit | NotGiven = ...,
        temperature: float | Omit | NotGiven = ...,
        **options: Unpack[CallOptions],
    ) -> Translation: ...

    @overload
    @deprecated("deprecated", category=None)
    def create(
        self,
        *,
        file: FileTypes,
        model: str | AudioModel,
        response_format: Literal["verbose_json"],
        prompt: str | Omit | NotGiven = ...,
        temperature: float | Omit | NotGiven = ...,
        **options: Unpack[CallOptions],
    ) -> TranslationVerbose: ...

    @overload
    @deprecated("deprecated", category=None)
    def create(
        self,
        *,
        file: FileTypes,
        model: str | AudioModel,
        response_format: Literal["text", "srt", "vtt"],
        prompt: str | Omit | NotGiven = ...,
        temperature: float | Omit | NotGiven = ...,
        **options: Unpack[CallOptions],
    ) -> str: ...

    @overload
    @deprecated("deprecated", category=None)
    def create(
        self,
        *,
        file: FileTypes,
        model: str | AudioModel,
        prompt: str | Omit | NotGiven = ...,
        response_format: _Format | Omit | NotGiven = ...,
        temperature: float | Omit | NotGiven = ...,
        **options: Unpack[CallOptions],
    ) -> Translation | TranslationVerbose | str: ...

    @deprecated("deprecated")
    def create(
        self,
        *,
        file: FileTypes,
        model: str | AudioModel,
        prompt: str | Omit | NotGiven = omit,
        response_format: _Format | Omit | NotGiven = omit,
        temperature: float | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> Translation | TranslationVerbose | str:
        """Translate the speech in ``file`` into English text, uploaded as multipart form data.

        The result follows ``response_format``: a ``Translation`` for ``json`` (the default),
        ``TranslationVerbose`` for ``verbose_json``, and a ``str`` for ``text``, ``srt`` and ``vtt``.

        Deprecated, as in openai (a ``DeprecationWarning``): OpenAI schedules the endpoint and ``whisper-1`` to
        shut down on February 26, 2027.
        """
        fields = strip_not_given(
            {"model": model, "prompt": prompt, "response_format": response_format, "temperature": temperature}
        )
        cast_to: Any = result_type(response_format, {"verbose_json": TranslationVerbose}, Translation)
        return self._client.request(  # type: ignore[no-any-return]
            cast_to,
            make_options("POST", "audio/translations", body=fields, files=[("file", file)], **options),
        )
