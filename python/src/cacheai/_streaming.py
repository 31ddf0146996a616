"""Server-sent events: the decoder (bytes to events) and ``Stream[T]`` (events to typed items).

The decoder follows the SSE specification and tolerates what real servers send: comment lines (``: ping``),
``data:`` with or without the space, multi-line data, CRLF or CR line ends, events split across reads or packed
into one, meta-only events (``id:``/``retry:``) and a last event without its blank line at EOF. One
non-standard field is understood: old llama.cpp servers report failures as ``error: {...}``, which is read as
an ``event: error`` carrying that data (the specification would drop it, and the failure with it).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Generator, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import requests
import urllib3.exceptions
from typing_extensions import Self

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    error_message_from,
)
from ._transport import finish_body, iter_raw_bytes
from ._utils import redact_urls

if TYPE_CHECKING:
    from ._exchange import Exchange
    from ._http import HTTPManager

__all__ = ["SSEDecoder", "ServerSentEvent", "Stream"]

_T = TypeVar("_T")


class ServerSentEvent:
    """One dispatched event: ``event`` type (or ``None``), ``data`` text, last ``id``, ``retry`` in ms."""

    __slots__ = ("event", "id", "raw_data", "retry")

    def __init__(
        self, *, event: str | None = None, data: bytes = b"", id: str | None = None, retry: int | None = None
    ) -> None:
        self.event = event
        self.raw_data = data
        self.id = id
        self.retry = retry

    @property
    def data(self) -> str:
        return self.raw_data.decode("utf-8", errors="surrogateescape")

    def json(self) -> Any:
        return json.loads(self.raw_data, strict=False)

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r}, retry={self.retry!r})"


class SSEDecoder:
    """Turns a byte stream into ``ServerSentEvent`` objects, incrementally."""

    def __init__(self) -> None:
        self._buffer = b""
        self._event: str | None = None
        self._data: list[bytes] = []
        self._last_id: str | None = None
        self._retry: int | None = None
        self._pending = False  # a field was set since the last dispatch
        self._skip_lf = False  # the last read ended in CR, so a leading LF in the next one is not a new line

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Add bytes; return the events they complete."""
        if (
            chunk[-2:] == b"\n\n"
            and chunk[:6] == b"data: "
            and not self._buffer
            and not self._skip_lf
            and chunk.count(b"\n") == 2
            and b"\r" not in chunk
        ):
            return [ServerSentEvent(data=chunk[6:-2], id=self._last_id)]  # one whole event: the common case
        if not chunk:
            return []
        if self._skip_lf and chunk[:1] == b"\n":
            chunk = chunk[1:]  # the LF of a CRLF split across two reads
        if b"\r" in chunk:
            self._skip_lf = chunk.endswith(b"\r")
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        else:
            self._skip_lf = False
        buffer = self._buffer + chunk if self._buffer else chunk
        # Events end at a blank line, so only complete blocks are parsed; the rest waits for more bytes.
        blocks = buffer.split(b"\n\n")
        self._buffer = blocks.pop()
        events: list[ServerSentEvent] = []
        for block in blocks:
            if block[:6] == b"data: " and b"\n" not in block:
                # The common case, one data line: no per-line work.
                events.append(ServerSentEvent(data=block[6:], id=self._last_id))
                continue
            for line in block.split(b"\n"):
                self._line(line)
            event = self._line(b"")
            if event is not None:
                events.append(event)
        return events

    def flush(self) -> ServerSentEvent | None:
        """At EOF: the last event if the stream ended without its blank line, else ``None``."""
        buffer, self._buffer = self._buffer, b""
        # What is left holds no blank line but possibly a trailing line end; EOF ends the event either way.
        for line in buffer.split(b"\n"):
            if line:
                self._line(line)
        return self._line(b"")

    def _line(self, line: bytes) -> ServerSentEvent | None:
        if not line:
            if not self._pending:
                return None
            event = ServerSentEvent(event=self._event, data=b"\n".join(self._data), id=self._last_id, retry=self._retry)
            self._event, self._data, self._retry, self._pending = None, [], None, False
            return event
        if line[:1] == b":":
            return None
        name, _, value = line.partition(b":")
        if value[:1] == b" ":
            value = value[1:]
        if name == b"data":
            self._data.append(value)
        elif name == b"error":  # old llama.cpp: a failure as its own field (see the module docstring)
            self._event = "error"
            self._data.append(value)
        elif name == b"event":
            self._event = value.decode("utf-8", errors="replace") or None
        elif name == b"id":
            if b"\0" not in value:
                self._last_id = value.decode("utf-8", errors="replace")
        elif name == b"retry":
            if value.isdigit():
                self._retry = int(value)
        else:
            return None
        self._pending = True
        return None


class Stream(Generic[_T]):
    """An iterator over the items of a streamed response; also a context manager.

    The HTTP response is closed (its connection released) when iteration ends, on ``break`` followed by
    ``close()``/the end of a ``with`` block, on an exception, or when the stream is garbage-collected.
    """

    response: requests.Response

    def __init__(
        self,
        *,
        cast_to: type[_T],
        response: requests.Response,
        client: HTTPManager | None = None,
        parse: Callable[[bytes, str | None], _T] | None = None,
        raise_on_error_event: bool = True,
        exchange: Exchange | None = None,
    ) -> None:
        self.response = response
        self._cacheai_exchange = exchange  # read by cacheai.info(); told when the stream ends
        self._cast_to = cast_to
        self._client = client
        self._parse = parse
        self._raise_on_error_event = raise_on_error_event
        self._tail: ServerSentEvent | None = None  # an event the server never terminated (EOF mid-event)
        self._iterator = self._iter_items()

    def __next__(self) -> _T:
        return self._iterator.__next__()

    def __iter__(self) -> Iterator[_T]:
        return self._iterator

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the stream and release its connection."""
        self._iterator.close()
        self.response.close()
        exchange = self._cacheai_exchange
        if exchange is not None and not exchange.done:
            exchange.abort(None)

    def __del__(self) -> None:
        # A stream that is dropped half-read must not pin its connection (nor a rate-limit slot).
        response = getattr(self, "response", None)
        if response is not None:
            response.close()
        exchange = getattr(self, "_cacheai_exchange", None)
        if exchange is not None and not exchange.done:
            exchange.abort(None)

    def _iter_items(self) -> Generator[_T, None, None]:
        # One flat loop over urllib3's chunk generator: this is the per-chunk hot path.
        response = self.response
        exchange = self._cacheai_exchange
        recorder = exchange.recorder if exchange is not None else None
        usage_field = self._parse is None and "usage" in getattr(self._cast_to, "model_fields", ())
        waiting_for_content = exchange is not None
        parse = self._parse or _default_parser(self._cast_to)
        validate = _fast_validator(self._cast_to) if self._parse is None else None
        raise_on_error_event = self._raise_on_error_event
        decoder = SSEDecoder()
        received = False
        item: Any
        try:
            if _is_json(response.headers.get("content-type")):
                raise _not_an_event_stream(response)
            try:
                chunks = iter_raw_bytes(response)
                for chunk in chunks:
                    if recorder is not None:
                        recorder.append(chunk)
                    for sse in decoder.feed(chunk):
                        data = sse.raw_data
                        if data[:6] == b"[DONE]":
                            finish_body(response, chunks)
                            if exchange is not None:
                                exchange.saw_end_marker = True
                                exchange.finished_at = time.perf_counter()
                                exchange.complete()
                            return
                        if not data:
                            continue  # meta-only event (id:/retry:) or an empty keep-alive
                        received = True
                        if b'"error"' in data or sse.event == "error":
                            _raise_for_stream_error(sse, response.request, raise_on_error_event)
                        item = None
                        if validate is not None:
                            try:
                                item = validate(data, strict=True)
                            except ValueError:
                                pass  # not OpenAI's exact schema: the lenient parser below
                        if item is None:
                            try:
                                item = parse(data, sse.event)
                            except ValueError as exc:
                                raise self._unparseable(sse, exc) from exc
                        if exchange is not None:
                            if waiting_for_content:
                                waiting_for_content = _observe_first(exchange, item)
                            usage = item.usage if usage_field else _event_usage(item)
                            if usage is not None:
                                exchange.usage = usage
                        yield item
            except _STREAM_TIMEOUTS as exc:
                raise APITimeoutError(response.request) from exc
            except _STREAM_BREAKS as exc:
                raise APIConnectionError(
                    message=f"The connection broke before the stream was complete: {redact_urls(str(exc))}",
                    request=response.request,
                ) from exc
            last = decoder.flush()
            if last is not None:
                # The server closed the stream without the event's blank line: [DONE], or a truncated event.
                self._tail = last
                data = last.raw_data
                if data[:6] != b"[DONE]" and data:
                    _raise_for_stream_error(last, response.request, raise_on_error_event)
                    try:
                        item = parse(data, last.event)
                    except ValueError as exc:
                        raise self._unparseable(last, exc) from exc
                    yield item
                elif data[:6] == b"[DONE]" and exchange is not None:
                    exchange.saw_end_marker = True
            elif not received:
                # No event at all (an empty body, or only blank lines or comments): never an empty success.
                raise APIError(
                    "The server ended the stream without sending any data (HTTP "
                    f"{response.status_code} with an empty body or no events); this often means the request failed on the "
                    "server, for example by exceeding the model's context length.",
                    response.request,
                    body=None,
                )
            if exchange is not None:
                exchange.finished_at = time.perf_counter()
                exchange.complete()
        except GeneratorExit:
            if exchange is not None:
                exchange.abort(None)
            raise
        except BaseException as exc:
            if exchange is not None:
                exchange.abort(exc)
            raise
        finally:
            response.close()

    def _unparseable(self, sse: ServerSentEvent, exc: ValueError) -> APIError:
        request = self.response.request
        if sse is self._tail:
            return APIConnectionError(
                message="The stream ended in the middle of an event (the connection was closed early).",
                request=request,
            )
        return APIResponseValidationError(
            self.response, sse.data, message=f"The stream sent an event whose data is not valid JSON: {exc}"
        )


def _raise_for_stream_error(
    sse: ServerSentEvent, request: requests.PreparedRequest | None, raise_on_error_event: bool
) -> None:
    """Raise ``APIError`` for an ``error`` object inside the stream, or an ``event: error`` if asked to."""
    data = sse.raw_data
    error_event = raise_on_error_event and sse.event == "error"
    try:
        payload = json.loads(data, strict=False)
    except ValueError:
        if error_event:
            raise APIError(sse.data.strip() or "An error occurred during streaming", request, body=sse.data) from None
        return
    if isinstance(payload, dict) and payload.get("error"):
        error = payload["error"]
    elif error_event or (isinstance(payload, dict) and payload.get("object") == "error"):  # or vLLM's shape
        error = payload
    else:
        return
    message = None
    if isinstance(error, dict):
        message = error.get("message")
    elif isinstance(error, str):
        message = error
    if not isinstance(message, str) or not message:
        message = "An error occurred during streaming"
    raise APIError(message, request, body=error)


def _observe_first(exchange: Exchange, item: Any) -> bool:
    """Note the answering model and the first content-bearing item's time; ``False`` once it has arrived."""
    if exchange.answered_model is None:
        model = getattr(item, "model", None)
        if model is None:
            model = getattr(getattr(item, "response", None), "model", None)
        if isinstance(model, str):
            exchange.answered_model = model
    if _has_content(item):
        exchange.first_content_at = time.perf_counter()
        return False
    return True


def _has_content(item: Any) -> bool:
    choices = getattr(item, "choices", None)
    if choices:
        choice = choices[0]
        delta = getattr(choice, "delta", None)
        if delta is not None:
            return bool(
                getattr(delta, "content", None) or getattr(delta, "tool_calls", None) or getattr(delta, "refusal", None)
            )
        return bool(getattr(choice, "text", None))
    kind = getattr(item, "type", None)
    return isinstance(kind, str) and kind.endswith(".delta")


_FINAL_RESPONSE_EVENTS = frozenset({"response.completed", "response.incomplete", "response.failed"})


def _event_usage(item: Any) -> Any:
    """The usage a Responses API stream reports in its final event, else ``None``."""
    if getattr(item, "type", None) in _FINAL_RESPONSE_EVENTS:
        return getattr(getattr(item, "response", None), "usage", None)
    return None


def _is_json(content_type: str | None) -> bool:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def _not_an_event_stream(response: requests.Response) -> APIError:
    """The error for a JSON document where an event stream was asked for (``stream=True``)."""
    text = response.text
    try:
        parsed = json.loads(text) if text.strip() else None
    except ValueError:
        parsed = None
    message = error_message_from(parsed) if parsed is not None else None
    if isinstance(parsed, dict) and (parsed.get("error") or parsed.get("object") == "error"):
        error = parsed["error"] if parsed.get("error") else parsed
        return APIError(message or "An error occurred during streaming", response.request, body=error)
    return APIResponseValidationError(
        response,
        parsed if parsed is not None else text,
        message="The server answered a streaming request (stream=True) with a JSON document instead of an event "
        "stream; it may not support streaming for this endpoint.",
    )


def _default_parser(cast_to: type[Any]) -> Callable[[bytes, str | None], Any]:
    from ._models import BaseModel, parse_json

    if isinstance(cast_to, type) and issubclass(cast_to, BaseModel):
        model = cast_to
        return lambda data, _event: parse_json(model, data)
    return lambda data, _event: json.loads(data, strict=False)


def _fast_validator(cast_to: type[Any]) -> Callable[..., Any] | None:
    """pydantic-core's strict JSON validator for a model item type (the fast path), else ``None``."""
    from ._models import BaseModel

    if isinstance(cast_to, type) and issubclass(cast_to, BaseModel):
        cast_to.model_rebuild()  # builds a deferred model once, so that the validator below is the real one
        return cast_to.__pydantic_validator__.validate_json
    return None


_STREAM_TIMEOUTS = (requests.exceptions.Timeout, urllib3.exceptions.TimeoutError, TimeoutError)
_STREAM_BREAKS = (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError)
