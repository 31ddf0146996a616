"""``client.images``: generate (JSON), edit and create variations (multipart uploads)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from typing_extensions import Required, Unpack, deprecated

from .._files import FileTypes
from .._params import check_params
from .._resource import CallOptions, SyncAPIResource, make_options, split_call_options
from .._types import NotGiven, Omit, omit
from .._utils import strip_not_given
from ..types import ImageEditStreamEvent, ImageGenStreamEvent, ImageModel, ImagesResponse

if TYPE_CHECKING:
    from .._streaming import Stream
    from ..types import image_edit_params, image_generate_params

__all__ = ["ImageEditParams", "ImageGenerateParams", "Images"]

_Background = Literal["transparent", "opaque", "auto"]
_Complexity = Literal["low", "medium", "high"]
_OutputFormat = Literal["png", "webp", "jpeg", "gif", "svg"]
_ResponseFormat = Literal["url", "b64_json"]


class _ImageParams(CallOptions, total=False):
    """The parameters ``images.generate`` and ``images.edit`` share (the reference openai's set)."""

    prompt: Required[str]
    background: _Background | Omit | NotGiven | None
    complexity: _Complexity | Omit | NotGiven | None
    frame_count: int | Omit | NotGiven | None
    frame_duration_ms: int | Omit | NotGiven | None
    model: str | ImageModel | Omit | NotGiven | None
    n: int | Omit | NotGiven | None
    output_compression: int | Omit | NotGiven | None
    output_format: _OutputFormat | Omit | NotGiven | None
    partial_images: int | Omit | NotGiven | None
    response_format: _ResponseFormat | Omit | NotGiven | None
    safety_identifier: str | Omit | NotGiven | None
    user: str | Omit | NotGiven


class ImageGenerateParams(_ImageParams, total=False):
    """The keyword arguments of ``images.generate`` other than ``stream``."""

    moderation: Literal["low", "auto"] | Omit | NotGiven | None
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto", "standard", "hd"] | Omit | NotGiven | None
    size: (
        str
        | Literal["auto", "1024x1024", "1536x1024", "1024x1536", "256x256", "512x512", "1792x1024", "1024x1792"]
        | Omit
        | NotGiven
        | None
    )
    style: Literal["vivid", "natural"] | Omit | NotGiven | None
    svg: image_generate_params.Svg | Omit | NotGiven | None


class ImageEditParams(_ImageParams, total=False):
    """The keyword arguments of ``images.edit`` other than ``stream``."""

    image: Required[FileTypes | Sequence[FileTypes]]
    input_fidelity: Literal["high", "low"] | Omit | NotGiven | None
    markup: FileTypes | Omit | NotGiven
    mask: FileTypes | Omit | NotGiven
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto", "standard"] | Omit | NotGiven | None
    size: str | Literal["1024x1024", "1536x1024", "1024x1536", "auto", "256x256", "512x512"] | Omit | NotGiven | None
    svg: image_edit_params.Svg | Omit | NotGiven | None


_GENERATE_PARAMS = frozenset(ImageGenerateParams.__annotations__)
_EDIT_PARAMS = frozenset(ImageEditParams.__annotations__)
_GENERATE_MISSING = (
    "Missing required arguments; Expected either ('prompt') or ('prompt' and 'stream') arguments to be given"
)
_EDIT_MISSING = (
    "Missing required arguments; Expected either ('image' and 'prompt') or "
    "('image', 'prompt' and 'stream') arguments to be given"
)
_FILE_PARAMS = ("image", "markup", "mask")


class Images(SyncAPIResource):
    """Image generation (``generate``), editing (``edit``) and variations (``create_variation``)."""

    @deprecated("deprecated")
    def create_variation(
        self,
        *,
        image: FileTypes,
        model: str | ImageModel | Omit | NotGiven | None = omit,
        n: int | Omit | NotGiven | None = omit,
        response_format: _ResponseFormat | Omit | NotGiven | None = omit,
        size: Literal["256x256", "512x512", "1024x1024"] | Omit | NotGiven | None = omit,
        user: str | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> ImagesResponse:
        """Variations of ``image`` (a path, bytes, a binary file object or a ``(filename, content)`` tuple),
        uploaded as multipart form data.

        Deprecated, as in openai (a ``DeprecationWarning``): OpenAI has retired the endpoint; use ``edit`` with a
        GPT Image model and a prompt. Servers that keep the legacy contract (and the fake server) still answer.
        """
        fields = strip_not_given(
            {"model": model, "n": n, "response_format": response_format, "size": size, "user": user}
        )
        return self._client.request(  # type: ignore[no-any-return]
            ImagesResponse,
            make_options(
                "POST",
                "images/variations",
                body=fields,
                files=[("image", image)],
                **options,
            ),
        )

    @overload
    def edit(
        self, *, stream: Literal[False] | Omit | NotGiven | None = ..., **params: Unpack[ImageEditParams]
    ) -> ImagesResponse: ...

    @overload
    def edit(self, *, stream: Literal[True], **params: Unpack[ImageEditParams]) -> Stream[ImageEditStreamEvent]: ...

    @overload
    def edit(
        self, *, stream: bool, **params: Unpack[ImageEditParams]
    ) -> ImagesResponse | Stream[ImageEditStreamEvent]: ...

    def edit(
        self, *, stream: bool | Omit | NotGiven | None = omit, **params: Any
    ) -> ImagesResponse | Stream[ImageEditStreamEvent]:
        """Edit or extend ``image`` (one file, or a list of files sent as ``image[]``) following ``prompt``;
        ``mask`` marks where to edit. Uploaded as multipart form data; ``stream=True`` gives a ``Stream`` of
        partial-image and completed events.

        Takes every parameter of openai's ``images.edit``, plus ``extra_headers``, ``extra_query``,
        ``extra_body`` and ``timeout`` for this call.
        """
        check_params("edit", params, _EDIT_PARAMS, ("image", "prompt"), _EDIT_MISSING)
        options = split_call_options(params)
        fields = strip_not_given({**params, "stream": stream})
        files: list[tuple[str, FileTypes]] = []
        for name in _FILE_PARAMS:
            if name not in fields:
                continue
            value = fields.pop(name)
            if isinstance(value, list):
                files.extend((f"{name}[]", item) for item in value)
            else:
                files.append((name, value))  # type: ignore[arg-type]  # a wrong type is refused, naming `name`
        return self._send("images/edits", ImageEditStreamEvent, fields, files, stream, options)  # type: ignore[no-any-return]

    @overload
    def generate(
        self, *, stream: Literal[False] | Omit | NotGiven | None = ..., **params: Unpack[ImageGenerateParams]
    ) -> ImagesResponse: ...

    @overload
    def generate(
        self, *, stream: Literal[True], **params: Unpack[ImageGenerateParams]
    ) -> Stream[ImageGenStreamEvent]: ...

    @overload
    def generate(
        self, *, stream: bool, **params: Unpack[ImageGenerateParams]
    ) -> ImagesResponse | Stream[ImageGenStreamEvent]: ...

    def generate(
        self, *, stream: bool | Omit | NotGiven | None = omit, **params: Any
    ) -> ImagesResponse | Stream[ImageGenStreamEvent]:
        """Create images from ``prompt``; ``stream=True`` gives a ``Stream`` of partial-image and completed
        events.

        Takes every parameter of openai's ``images.generate``, plus ``extra_headers``, ``extra_query``,
        ``extra_body`` and ``timeout`` for this call.
        """
        check_params("generate", params, _GENERATE_PARAMS, ("prompt",), _GENERATE_MISSING)
        options = split_call_options(params)
        body = strip_not_given({**params, "stream": stream})
        return self._send("images/generations", ImageGenStreamEvent, body, None, stream, options)  # type: ignore[no-any-return]

    def _send(
        self,
        path: str,
        event_type: Any,
        body: dict[str, object],
        files: list[tuple[str, FileTypes]] | None,
        stream: object,
        options: CallOptions,
    ) -> Any:
        from .._union_stream import UnionEventStream

        return self._client.request(
            ImagesResponse,
            make_options("POST", path, body=body, files=files, **options),
            stream=stream is True,
            stream_cls=UnionEventStream,
            stream_item=event_type,
        )
