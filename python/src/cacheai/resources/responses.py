"""``client.responses``: the Responses API (create, stream, retrieve, delete, cancel, input items)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, overload

from typing_extensions import Unpack

from .._pagination import SyncCursorPage
from .._params import check_params
from .._resource import CallOptions, SyncAPIResource, make_options, split_call_options
from .._streaming import Stream
from .._types import NotGiven, Omit, omit
from .._utils import path_param, strip_not_given
from ..types.responses import Response, ResponseItem, ResponseStreamEvent, ResponseUnknownEvent

if TYPE_CHECKING:
    from ..lib.streaming._responses import ResponseStreamManager
    from ..types.responses import ParsedResponse, ResponseInputParam

__all__ = ["InputItems", "ResponseCreateParams", "Responses"]

_O = Omit | NotGiven
ResponseEvent = ResponseStreamEvent | ResponseUnknownEvent


class ResponseCreateParams(CallOptions, total=False):
    """The keyword arguments of ``responses.create`` other than ``stream`` (the reference openai's set)."""

    access_programs: Any | _O
    background: bool | _O | None
    background_options: Any | _O
    context_management: Any | _O
    conversation: Any | _O
    image: Any | _O
    include: list[str] | _O | None
    input: str | ResponseInputParam | _O
    instructions: str | _O | None
    max_output_tokens: int | _O | None
    max_tool_calls: int | _O | None
    metadata: dict[str, str] | _O | None
    model: str | _O
    moderation: Any | _O
    parallel_tool_calls: bool | _O | None
    previous_response_id: str | _O | None
    prompt: Any | _O
    prompt_cache_key: str | _O | None
    prompt_cache_options: Any | _O
    prompt_cache_retention: Literal["in_memory", "24h"] | _O | None
    reasoning: Any | _O
    safety_identifier: str | _O | None
    service_tier: Literal["auto", "default", "flex", "scale", "priority", "fast"] | _O | None
    store: bool | _O | None
    stream_options: Any | _O
    temperature: float | _O | None
    text: Any | _O
    tool_choice: Any | _O
    tools: Iterable[Any] | _O
    top_logprobs: int | _O | None
    top_p: float | _O | None
    truncation: Literal["auto", "disabled"] | _O | None
    user: str | _O


_CREATE_PARAMS = frozenset(ResponseCreateParams.__annotations__) | {"stream"}


def _parse_event(data: bytes, _event: str | None) -> ResponseEvent:
    from ..types.responses import parse_response_stream_event

    return parse_response_stream_event(json.loads(data, strict=False))


class Responses(SyncAPIResource):
    """Model responses: text or items in, output items out; ``stream=True`` gives typed events."""

    @cached_property
    def input_items(self) -> InputItems:
        return InputItems(self._client)

    @overload
    def create(
        self, *, stream: Literal[False] | Omit | NotGiven | None = ..., **params: Unpack[ResponseCreateParams]
    ) -> Response: ...

    @overload
    def create(self, *, stream: Literal[True], **params: Unpack[ResponseCreateParams]) -> Stream[ResponseEvent]: ...

    @overload
    def create(self, *, stream: bool, **params: Unpack[ResponseCreateParams]) -> Response | Stream[ResponseEvent]: ...

    def create(
        self, *, stream: bool | Omit | NotGiven | None = omit, **params: Any
    ) -> Response | Stream[ResponseEvent]:
        """Create a response from ``input`` (a string or a list of items); ``.output_text`` joins the text."""
        check_params("create", params, _CREATE_PARAMS, (), "")
        call_options = split_call_options(params)
        body = strip_not_given(params)
        if not isinstance(stream, (Omit, NotGiven)):
            body["stream"] = stream
        request = make_options("POST", "responses", body=body, **call_options)
        return self._request(Response, request, stream=stream is True)  # type: ignore[no-any-return]

    def parse(self, *, text_format: Any = omit, **params: Any) -> ParsedResponse[Any]:
        """Like ``create``, with ``text_format=`` a pydantic model (sent as ``text.format``, its strict JSON
        schema); the output text comes back parsed as ``response.output_parsed``.
        """
        from ..lib._parsing._responses import parse_response, text_with_format

        if "stream" in params:
            raise TypeError("parse() got an unexpected keyword argument 'stream'; use stream() to stream")
        params = _with_text_format(params, text_format, text_with_format)
        response = self.create(**params)
        return parse_response(response, text_format, params.get("tools", omit))

    def stream(self, *, text_format: Any = omit, **params: Any) -> ResponseStreamManager[Any]:
        """A context manager over the response's events, with ``get_final_response()`` (parsed)."""
        from ..lib._parsing._responses import text_with_format
        from ..lib.streaming._responses import ResponseStreamManager

        if "stream" in params:
            raise TypeError("stream() got an unexpected keyword argument 'stream'")
        params = _with_text_format(params, text_format, text_with_format)
        return ResponseStreamManager(
            lambda: self.create(**params, stream=True), text_format=text_format, input_tools=params.get("tools", omit)
        )

    def retrieve(
        self,
        response_id: str,
        *,
        include: list[str] | Omit | NotGiven = omit,
        include_obfuscation: bool | Omit | NotGiven = omit,
        starting_after: int | Omit | NotGiven = omit,
        stream: bool | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> Any:
        """A stored response; with ``stream=True``, its events (resuming after ``starting_after``)."""
        query = strip_not_given(
            {
                "include": include,
                "include_obfuscation": include_obfuscation,
                "starting_after": starting_after,
                "stream": stream,
            }
        )
        request = make_options("GET", f"responses/{path_param('response_id', response_id)}", params=query, **options)
        return self._request(Response, request, stream=stream is True)

    def delete(
        self,
        response_id: str,
        **options: Unpack[CallOptions],
    ) -> None:
        """Delete a stored response."""
        self._client.request(
            None,
            make_options(
                "DELETE",
                f"responses/{path_param('response_id', response_id)}",
                headers={"Accept": "*/*"},
                **options,
            ),
        )

    def cancel(
        self,
        response_id: str,
        **options: Unpack[CallOptions],
    ) -> Response:
        """Cancel a background response."""
        return self._client.request(  # type: ignore[no-any-return]
            Response,
            make_options(
                "POST",
                f"responses/{path_param('response_id', response_id)}/cancel",
                **options,
            ),
        )

    def _request(self, cast_to: type[Response], options: Any, *, stream: bool) -> Any:
        if not stream:
            return self._client.request(cast_to, options)
        return self._client.request(cast_to, options, stream=True, stream_cls=_ResponseEventStream)


def _with_text_format(params: dict[str, Any], text_format: Any, text_with_format: Any) -> dict[str, Any]:
    if isinstance(text_format, (Omit, NotGiven)):
        return params
    return {**params, "text": text_with_format(params.get("text", omit), text_format)}


class _ResponseEventStream(Stream[ResponseEvent]):
    """Events of a response stream: typed by their ``type``, unknown types kept as generic events.

    As in openai, ``error`` events are yielded (as ``ResponseErrorEvent``), not raised; a payload with a
    top-level ``error`` object still raises ``APIError``.
    """

    def __init__(self, *, cast_to: Any, response: Any, client: Any = None, exchange: Any = None) -> None:
        super().__init__(
            cast_to=cast_to,
            response=response,
            client=client,
            parse=_parse_event,
            raise_on_error_event=False,
            exchange=exchange,
        )


class InputItems(SyncAPIResource):
    """``client.responses.input_items``: the items a response was given."""

    def list(
        self,
        response_id: str,
        *,
        after: str | Omit | NotGiven = omit,
        include: list[str] | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        order: Literal["asc", "desc"] | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncCursorPage[ResponseItem]:
        query = strip_not_given({"after": after, "include": include, "limit": limit, "order": order})
        return self._client.get_page(
            SyncCursorPage[ResponseItem],
            make_options(
                "GET",
                f"responses/{path_param('response_id', response_id)}/input_items",
                params=query,
                **options,
            ),
        )
