"""Turning a response into what the caller asked for, and the raw-response objects (``with_raw_response``)."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import requests
import requests.structures

from ._exceptions import APIResponseValidationError
from ._transport import iter_raw_bytes

if TYPE_CHECKING:
    from ._exchange import Exchange
    from ._models import BaseModel

__all__ = ["APIResponse", "BinaryAPIResponse", "StreamAlreadyConsumed", "StreamedAPIResponse", "parse_response"]

_T = TypeVar("_T")

RAW_RESPONSE_HEADER = "X-CacheAI-Raw-Response"  # internal marker, stripped before sending


def parse_response(
    response: requests.Response,
    cast_to: Any,
    *,
    stream_factory: Callable[[requests.Response], Any] | None = None,
    parser: Callable[[requests.Response], Any] | None = None,
    post_parser: Callable[[Any], Any] | None = None,
) -> Any:
    """Build the value a resource method returns from a successful response.

    ``parser`` replaces the default parsing into ``cast_to`` (for endpoints with a faster special path).
    """
    if stream_factory is not None:
        return stream_factory(response)
    if parser is not None:
        parsed = parser(response)
        return post_parser(parsed) if post_parser is not None else parsed
    if cast_to is requests.Response:
        return response
    if cast_to is BinaryAPIResponse:
        return BinaryAPIResponse(response)
    BaseModel, _ = _models()

    content = response.content
    result: Any
    if cast_to is None or cast_to is type(None):
        result = None
    elif cast_to is bytes:
        result = content
    elif cast_to is str:
        result = response.text
    elif isinstance(cast_to, type) and issubclass(cast_to, BaseModel):
        result = _parse_model(response, cast_to, content)
    else:
        result = _parse_json_value(response, content)
    if post_parser is not None:
        result = post_parser(result)
    return result


def _parse_model(response: requests.Response, cast_to: type[BaseModel], content: bytes) -> BaseModel:
    parse_json = _models()[1]
    try:
        result = parse_json(cast_to, content)
    except ValueError as exc:
        raise APIResponseValidationError(
            response,
            response.text,
            message=(
                f"Expected a JSON {cast_to.__name__} but the server sent "
                f"{response.headers.get('content-type') or 'no content type'}: {_snippet(response.text)}"
            ),
        ) from exc
    object.__setattr__(result, "_request_id", response.headers.get("x-request-id"))  # see BaseModel._request_id
    return result


@functools.cache
def _models() -> tuple[type[BaseModel], Callable[[type[BaseModel], bytes], BaseModel]]:
    """pydantic's model machinery, imported with the first response (not at import), then kept: a function-level
    import costs a lookup through the import system on every call."""
    from ._models import BaseModel, parse_json

    return BaseModel, parse_json


def _parse_json_value(response: requests.Response, content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError as exc:
        raise APIResponseValidationError(
            response, response.text, message=f"Expected JSON but the server sent: {_snippet(response.text)}"
        ) from exc


def _snippet(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} characters)"


class APIResponse(Generic[_T]):
    """The raw HTTP response of a call made through ``with_raw_response``; ``parse()`` gives the usual result."""

    def __init__(
        self,
        result: Exchange,
        *,
        parse: Callable[[requests.Response], _T],
    ) -> None:
        assert result.response is not None
        self.http_response = result.response
        self.retries_taken = result.retries_taken
        self._parse = parse
        self._parsed: dict[Any, Any] = {}

    def parse(self, *, to: type[Any] | None = None) -> _T:
        """The parsed result (cached), or the body parsed into ``to`` (a cacheai ``BaseModel``)."""
        key = to or "default"
        if key not in self._parsed:
            if to is None:
                self._parsed[key] = self._parse(self.http_response)
            else:
                from ._models import BaseModel

                if not (isinstance(to, type) and issubclass(to, BaseModel)):
                    raise TypeError(
                        "Pydantic models must subclass our base model type, e.g. `from cacheai import BaseModel`"
                    )
                self._parsed[key] = _parse_model(self.http_response, to, self.http_response.content)
        return cast(_T, self._parsed[key])

    @property
    def headers(self) -> requests.structures.CaseInsensitiveDict[str]:
        return self.http_response.headers

    @property
    def http_request(self) -> requests.PreparedRequest:
        return self.http_response.request

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def url(self) -> str:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_request.method or ""

    @property
    def http_version(self) -> str:
        version = getattr(self.http_response.raw, "version", 11)
        return {10: "HTTP/1.0", 11: "HTTP/1.1", 20: "HTTP/2"}.get(version, "HTTP/1.1")

    @property
    def elapsed(self) -> timedelta:
        return self.http_response.elapsed

    @property
    def request_id(self) -> str | None:
        return self.http_response.headers.get("x-request-id")

    @property
    def is_closed(self) -> bool:
        return bool(getattr(self.http_response, "_content_consumed", False))

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def read(self) -> bytes:
        return self.http_response.content

    def json(self) -> Any:
        return json.loads(self.http_response.content)

    def close(self) -> None:
        self.http_response.close()

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code} {self.http_response.reason}]>"


class StreamAlreadyConsumed(Exception):
    """The body of a ``with_streaming_response`` response was already iterated, so it cannot be read again."""


class StreamedAPIResponse(APIResponse[_T]):
    """A response from ``with_streaming_response``: use it as a context manager; the body is read on demand.

    Iterate it once (``iter_bytes``/``iter_text``/``iter_lines``) or read it (``read``/``parse``/``text``/``json``);
    after an iteration, reading again raises ``StreamAlreadyConsumed``.
    """

    _iterated = False

    def __enter__(self) -> StreamedAPIResponse[_T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_readable(self) -> None:
        if self._iterated:
            raise StreamAlreadyConsumed(
                "Attempted to read or stream content, but the content has already been streamed. "
                "Read it once with .read() (the result is kept) and use that, or iterate it only once."
            )

    def _is_read_whole(self) -> bool:
        return getattr(self.http_response, "_content", False) is not False

    def _start_iteration(self) -> None:
        if self._is_read_whole():
            return  # already read whole: iterating serves the kept body
        self._check_readable()
        self._iterated = True

    def parse(self, *, to: type[Any] | None = None) -> _T:
        if not self._is_read_whole():
            self._check_readable()
        return super().parse(to=to)

    def read(self) -> bytes:
        if not self._is_read_whole():
            self._check_readable()
        return self.http_response.content

    @property
    def content(self) -> bytes:
        return self.read()

    @property
    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> Any:
        return json.loads(self.read())

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body in chunks as it arrives (decoded from gzip/deflate)."""
        self._start_iteration()
        yield from self.http_response.iter_content(chunk_size=chunk_size or 65536)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        self._start_iteration()
        yield from self.http_response.iter_content(chunk_size=chunk_size or 65536, decode_unicode=True)

    def iter_lines(self) -> Iterator[str]:
        """The body line by line (line endings removed), as it arrives."""
        self._start_iteration()
        for line in self.http_response.iter_lines(decode_unicode=True):
            yield line if isinstance(line, str) else line.decode()

    def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        """Write the body to ``file`` as it arrives (e.g. ``audio.speech.with_streaming_response.create``)."""
        with open(file, "wb") as out:
            for chunk in self.iter_bytes(chunk_size):
                out.write(chunk)

    def __repr__(self) -> str:
        return f"<StreamedAPIResponse [{self.status_code} {self.http_response.reason}]>"


class BinaryAPIResponse:
    """A binary body (``files.content``): read it whole, as text, or write it to a file."""

    def __init__(self, response: requests.Response) -> None:
        self.response = response

    @property
    def content(self) -> bytes:
        return self.response.content

    @property
    def text(self) -> str:
        return self.response.text

    @property
    def encoding(self) -> str | None:
        return self.response.encoding

    def read(self) -> bytes:
        return self.response.content

    def json(self, **kwargs: Any) -> Any:
        return json.loads(self.response.content, **kwargs)

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        if getattr(self.response, "_content_consumed", False) or chunk_size is not None:
            yield from self.response.iter_content(chunk_size=chunk_size or 65536)
        else:
            yield from iter_raw_bytes(self.response)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        yield from self.response.iter_content(chunk_size=chunk_size or 65536, decode_unicode=True)

    def iter_lines(self) -> Iterator[str]:
        yield from self.text.splitlines()

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the body to ``file``, streaming it if it has not been read yet."""
        with open(file, "wb") as out:
            for chunk in self.iter_bytes():
                out.write(chunk)

    def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        with open(file, "wb") as out:
            for chunk in self.iter_bytes(chunk_size):
                out.write(chunk)

    def close(self) -> None:
        self.response.close()
