"""``client.audio.transcriptions``: ``POST /audio/transcriptions`` (multipart), audio to text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from typing_extensions import Required, Unpack

from ..._files import FileTypes
from ..._params import check_params
from ..._resource import CallOptions, SyncAPIResource, make_options, split_call_options
from ..._types import NotGiven, Omit, omit
from ..._utils import strip_not_given
from ...types import AudioModel, AudioResponseFormat
from ...types.audio import (
    Transcription,
    TranscriptionDiarized,
    TranscriptionInclude,
    TranscriptionStreamEvent,
    TranscriptionVerbose,
)
from ._format import result_type

if TYPE_CHECKING:
    from ..._streaming import Stream
    from ...types.audio.transcription_create_params import ChunkingStrategy

__all__ = ["TranscriptionCreateParams", "Transcriptions"]


class TranscriptionCreateParams(CallOptions, total=False):
    """The keyword arguments of ``audio.transcriptions.create`` other than ``response_format`` and ``stream``."""

    file: Required[FileTypes]
    model: Required[str | AudioModel]
    chunking_strategy: ChunkingStrategy | Omit | NotGiven | None
    include: list[TranscriptionInclude] | Omit | NotGiven
    keywords: Sequence[str] | Omit | NotGiven
    known_speaker_names: Sequence[str] | Omit | NotGiven
    known_speaker_references: Sequence[str] | Omit | NotGiven
    language: str | Omit | NotGiven
    languages: Sequence[str] | Omit | NotGiven
    prompt: str | Omit | NotGiven
    temperature: float | Omit | NotGiven
    timestamp_granularities: list[Literal["word", "segment"]] | Omit | NotGiven


_CREATE_PARAMS = frozenset(TranscriptionCreateParams.__annotations__)
_MISSING_MESSAGE = (
    "Missing required arguments; Expected either ('file' and 'model') or "
    "('file', 'model' and 'stream') arguments to be given"
)
_BY_FORMAT = {"json": Transcription, "verbose_json": TranscriptionVerbose, "diarized_json": TranscriptionDiarized}
# openai takes these as any sequence, so bytes would go as their integers: refused instead (never reshaped)
_STRING_LISTS = ("keywords", "known_speaker_names", "known_speaker_references", "languages")
_NotStreamed = Literal[False] | Omit | NotGiven | None


class Transcriptions(SyncAPIResource):
    """Audio to text in its own language: ``create`` (JSON models, ``str`` for text formats, or a stream)."""

    @overload
    def create(
        self,
        *,
        response_format: Literal["json"] | Omit | NotGiven = ...,
        stream: _NotStreamed = ...,
        **params: Unpack[TranscriptionCreateParams],
    ) -> Transcription: ...

    @overload
    def create(
        self,
        *,
        response_format: Literal["verbose_json"],
        stream: _NotStreamed = ...,
        **params: Unpack[TranscriptionCreateParams],
    ) -> TranscriptionVerbose: ...

    @overload
    def create(
        self,
        *,
        response_format: Literal["diarized_json"],
        stream: _NotStreamed = ...,
        **params: Unpack[TranscriptionCreateParams],
    ) -> TranscriptionDiarized: ...

    @overload
    def create(
        self,
        *,
        response_format: Literal["text", "srt", "vtt"],
        stream: _NotStreamed = ...,
        **params: Unpack[TranscriptionCreateParams],
    ) -> str: ...

    @overload
    def create(
        self,
        *,
        response_format: AudioResponseFormat | Omit | NotGiven = ...,
        stream: Literal[True],
        **params: Unpack[TranscriptionCreateParams],
    ) -> Stream[TranscriptionStreamEvent]: ...

    @overload
    def create(
        self,
        *,
        response_format: AudioResponseFormat | Omit | NotGiven = ...,
        stream: bool | Omit | NotGiven | None = ...,
        **params: Unpack[TranscriptionCreateParams],
    ) -> Transcription | TranscriptionVerbose | TranscriptionDiarized | str | Stream[TranscriptionStreamEvent]: ...

    def create(
        self,
        *,
        response_format: AudioResponseFormat | Omit | NotGiven = omit,
        stream: bool | Omit | NotGiven | None = omit,
        **params: Any,
    ) -> Transcription | TranscriptionVerbose | TranscriptionDiarized | str | Stream[TranscriptionStreamEvent]:
        """Transcribe ``file`` (a path, bytes, a binary file object or a ``(filename, content)`` tuple) with
        ``model``, uploaded as multipart form data.

        The result follows ``response_format``: a ``Transcription`` for ``json`` (the default),
        ``TranscriptionVerbose`` for ``verbose_json``, ``TranscriptionDiarized`` for ``diarized_json``, and a
        ``str`` for ``text``, ``srt`` and ``vtt``; ``stream=True`` gives a ``Stream`` of transcript events.
        Takes every parameter of openai's ``audio.transcriptions.create``, plus ``extra_headers``,
        ``extra_query``, ``extra_body`` and ``timeout`` for this call.
        """
        from ..._union_stream import UnionEventStream

        check_params("create", params, _CREATE_PARAMS, ("file", "model"), _MISSING_MESSAGE)
        options = split_call_options(params)
        file = params.pop("file")
        for name in _STRING_LISTS:
            if isinstance(params.get(name), (bytes, bytearray, memoryview)):
                raise TypeError(f"`{name}` must be a list of strings, not {type(params[name]).__name__}")
        fields = strip_not_given({**params, "response_format": response_format, "stream": stream})
        return self._client.request(  # type: ignore[no-any-return]
            result_type(response_format, _BY_FORMAT, Transcription),
            make_options("POST", "audio/transcriptions", body=fields, files=[("file", file)], **options),
            stream=stream is True,
            stream_cls=UnionEventStream,
            stream_item=TranscriptionStreamEvent,
        )
