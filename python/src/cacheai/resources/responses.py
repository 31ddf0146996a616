"""``client.responses``: the Responses API (create, stream, retrieve, delete, cancel, compact, input items, input
token counts)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from typing_extensions import Required, Unpack

from .._pagination import SyncCursorPage
from .._params import check_params
from .._resource import CallOptions, SyncAPIResource, make_options, split_call_options
from .._streaming import Stream
from .._types import NotGiven, Omit, omit
from .._utils import json_array, path_param, strip_not_given
from ..types.responses import (
    CompactedResponse,
    InputTokenCountResponse,
    Response,
    ResponseItem,
    ResponseStreamEvent,
    ResponseUnknownEvent,
)

if TYPE_CHECKING:
    from ..lib.streaming._responses import ResponseStreamManager
    from ..types.responses import ParsedResponse, ResponseInputParam

__all__ = [
    "InputItems",
    "InputTokens",
    "ResponseCreateParams",
    "ResponseParseParams",
    "ResponseRequestParams",
    "Responses",
]

TextFormatT = TypeVar("TextFormatT")

_O = Omit | NotGiven
ResponseEvent = ResponseStreamEvent | ResponseUnknownEvent


class ResponseRequestParams(CallOptions, total=False):
    """The keyword arguments ``responses.create``, ``parse`` and ``stream`` share (the reference openai's set,
    ``input`` and ``model`` left out: ``stream`` requires them for a new response)."""

    access_programs: Any | _O
    background: bool | _O | None
    background_options: Any | _O
    context_management: Any | _O
    conversation: Any | _O
    image: Any | _O
    include: list[str] | _O | None
    instructions: str | _O | None
    max_output_tokens: int | _O | None
    max_tool_calls: int | _O | None
    metadata: dict[str, str] | _O | None
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


class ResponseCreateParams(ResponseRequestParams, total=False):
    """The keyword arguments of ``responses.create`` other than ``stream`` (the reference openai's set)."""

    input: str | ResponseInputParam | _O
    model: str | _O


class ResponseParseParams(ResponseCreateParams, total=False):
    """The keyword arguments of ``responses.parse`` other than ``text_format``/``parse_as``."""

    stream: Literal[False, True] | _O | None
    verbosity: Literal["low", "medium", "high"] | _O | None


class _NewResponseStreamParams(ResponseRequestParams, total=False):
    """``responses.stream`` for a new response: ``input`` and ``model`` required."""

    input: Required[str | ResponseInputParam]
    model: Required[str]


_CREATE_PARAMS = frozenset(ResponseCreateParams.__annotations__)  # (stream is a named parameter of create)
_PARSE_PARAMS = frozenset(ResponseParseParams.__annotations__)
_STREAM_PARAMS = frozenset(ResponseCreateParams.__annotations__)


def _parse_event(data: bytes, _event: str | None) -> ResponseEvent:
    from ..types.responses import parse_response_stream_event

    return parse_response_stream_event(json.loads(data, strict=False))


class Responses(SyncAPIResource):
    """Model responses: text or items in, output items out; ``stream=True`` gives typed events."""

    @cached_property
    def input_items(self) -> InputItems:
        return InputItems(self._client)

    @cached_property
    def input_tokens(self) -> InputTokens:
        return InputTokens(self._client)

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
        return self._create(params, stream)  # type: ignore[no-any-return]

    def _create(self, params: dict[str, Any], stream: object) -> Any:
        """``POST /responses`` with ``params`` (checked by the caller) and ``stream``."""
        call_options = split_call_options(params)
        body = strip_not_given(params)
        if not isinstance(stream, (Omit, NotGiven)):
            body["stream"] = stream
        request = make_options("POST", "responses", body=body, **call_options)
        return self._request(Response, request, stream=stream is True)

    @overload
    def parse(
        self,
        *,
        text_format: type | Omit = omit,
        parse_as: type[TextFormatT] | None,
        **params: Unpack[ResponseParseParams],
    ) -> ParsedResponse[TextFormatT]: ...

    @overload
    def parse(
        self,
        *,
        text_format: type[TextFormatT] | Omit = omit,
        parse_as: Omit = omit,
        **params: Unpack[ResponseParseParams],
    ) -> ParsedResponse[TextFormatT]: ...

    def parse(
        self,
        *,
        text_format: type | Omit = omit,
        parse_as: type | Omit | None = omit,
        **params: Unpack[ResponseParseParams],
    ) -> ParsedResponse[Any]:
        """Like ``create``, with ``text_format=`` a pydantic model (sent as ``text.format``, its strict JSON
        schema); the output text comes back parsed as ``response.output_parsed``. ``parse_as`` parses the output
        with another type (or, ``None``, not at all) without changing the request's schema, for an input whose
        ``configuration_update`` item changed the format.
        """
        from ..lib._parsing._responses import output_text_format, parse_response, text_with_format

        check_params("parse", params, _PARSE_PARAMS, (), "")
        if params.get("stream") is True:
            raise TypeError("parse() cannot stream (stream=True); use responses.stream() to stream")
        body: dict[str, Any] = _with_text_format(dict(params), text_format, text_with_format)
        extra_body = body.get("extra_body")
        output_format = output_text_format(
            input=extra_body.get("input", body.get("input", omit))
            if isinstance(extra_body, dict)
            else body.get("input", omit),
            text=body.get("text", omit),
            text_format=text_format,
            parse_as=parse_as,
        )
        response = self._create(body, body.pop("stream", omit))
        return parse_response(response, output_format, body.get("tools", omit))

    @overload
    def stream(
        self,
        *,
        response_id: str,
        text_format: type[TextFormatT] | Omit = omit,
        starting_after: int | Omit = omit,
        tools: Iterable[Any] | Omit = omit,
        **params: Unpack[CallOptions],
    ) -> ResponseStreamManager[TextFormatT]: ...

    @overload
    def stream(
        self,
        *,
        text_format: type[TextFormatT] | Omit = omit,
        **params: Unpack[_NewResponseStreamParams],
    ) -> ResponseStreamManager[TextFormatT]: ...

    def stream(
        self,
        *,
        response_id: str | Omit = omit,
        text_format: type[TextFormatT] | Omit = omit,
        starting_after: int | Omit = omit,
        **params: Unpack[ResponseCreateParams],
    ) -> ResponseStreamManager[TextFormatT]:
        """A context manager over the response's events, with ``get_final_response()`` (parsed): a new response
        (``input`` and ``model`` required), or, with ``response_id``, a stored one's events again (those after
        ``starting_after``).
        """
        from ..lib._parsing._responses import text_with_format
        from ..lib.streaming._responses import ResponseStreamManager

        check_params("stream", params, _STREAM_PARAMS, (), "")
        body: dict[str, Any] = dict(params)
        options = split_call_options(body)
        tools = body.pop("tools", omit)
        new_response = [name for name, value in body.items() if not isinstance(value, (Omit, NotGiven))]
        resuming = not isinstance(response_id, (Omit, NotGiven)) or not isinstance(starting_after, (Omit, NotGiven))
        if resuming and new_response:
            raise ValueError(
                "Cannot provide both response_id/starting_after can't be provided together with "
                + ", ".join(new_response)
            )
        if not new_response:
            if isinstance(response_id, (Omit, NotGiven)):
                raise ValueError("id must be provided when streaming an existing response")
            resumed_id = response_id
            return ResponseStreamManager(
                lambda: self.retrieve(resumed_id, stream=True, include=[], **options),
                text_format=text_format,
                input_tools=tools,
                starting_after=None if isinstance(starting_after, (Omit, NotGiven)) else starting_after,
            )
        for required in ("input", "model"):
            if isinstance(body.get(required, omit), (Omit, NotGiven)):
                raise ValueError(f"{required} must be provided when creating a new response")
        body = _with_text_format(body, text_format, text_with_format)
        if not isinstance(tools, (Omit, NotGiven)):
            body["tools"] = tools
        return ResponseStreamManager(
            lambda: self.create(**body, **options, stream=True),
            text_format=text_format,
            input_tools=tools,
            starting_after=None,
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

    def compact(
        self,
        *,
        model: str | None,
        image: Any | Omit | NotGiven = omit,
        input: str | ResponseInputParam | Omit | NotGiven | None = omit,
        instructions: str | Omit | NotGiven | None = omit,
        previous_response_id: str | Omit | NotGiven | None = omit,
        prompt_cache_key: str | Omit | NotGiven | None = omit,
        prompt_cache_options: Any | Omit | NotGiven = omit,
        prompt_cache_retention: Literal["in_memory", "24h"] | Omit | NotGiven | None = omit,
        service_tier: Literal["auto", "default", "fast", "flex", "priority"] | Omit | NotGiven | None = omit,
        **options: Unpack[CallOptions],
    ) -> CompactedResponse:
        """A long conversation (``input`` and/or ``previous_response_id``) compacted into fewer output items, to
        continue it with a smaller context."""
        body = strip_not_given(
            {
                "model": model,
                "image": image,
                "input": json_array(input),
                "instructions": instructions,
                "previous_response_id": previous_response_id,
                "prompt_cache_key": prompt_cache_key,
                "prompt_cache_options": prompt_cache_options,
                "prompt_cache_retention": prompt_cache_retention,
                "service_tier": service_tier,
            }
        )
        return self._client.request(  # type: ignore[no-any-return]
            CompactedResponse, make_options("POST", "responses/compact", body=body, **options)
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


class InputTokens(SyncAPIResource):
    """``client.responses.input_tokens``: what a request's input would cost, counted by the server."""

    def count(
        self,
        *,
        conversation: Any | Omit | NotGiven = omit,
        input: str | ResponseInputParam | Omit | NotGiven | None = omit,
        instructions: str | Omit | NotGiven | None = omit,
        model: str | Omit | NotGiven | None = omit,
        parallel_tool_calls: bool | Omit | NotGiven | None = omit,
        personality: str | Omit | NotGiven = omit,
        previous_response_id: str | Omit | NotGiven | None = omit,
        reasoning: Any | Omit | NotGiven = omit,
        text: Any | Omit | NotGiven = omit,
        tool_choice: Any | Omit | NotGiven = omit,
        tools: Iterable[Any] | Omit | NotGiven | None = omit,
        truncation: Literal["auto", "disabled"] | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> InputTokenCountResponse:
        """The input tokens of a ``responses.create`` request with these arguments (``input_tokens``), without
        creating a response."""
        body = strip_not_given(
            {
                "conversation": conversation,
                "input": json_array(input),
                "instructions": instructions,
                "model": model,
                "parallel_tool_calls": parallel_tool_calls,
                "personality": personality,
                "previous_response_id": previous_response_id,
                "reasoning": reasoning,
                "text": text,
                "tool_choice": tool_choice,
                "tools": json_array(tools),
                "truncation": truncation,
            }
        )
        return self._client.request(  # type: ignore[no-any-return]
            InputTokenCountResponse, make_options("POST", "responses/input_tokens", body=body, **options)
        )
