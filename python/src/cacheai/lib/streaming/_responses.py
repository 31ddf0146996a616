"""``client.responses.stream(...)``: a context manager over a response's events, with ``get_final_response()``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from ..._streaming import Stream
from ...types.responses import ParsedResponse, Response
from .._parsing._responses import parse_response

__all__ = ["ResponseStream", "ResponseStreamManager"]

TextFormatT = TypeVar("TextFormatT")


class ResponseStream(Generic[TextFormatT]):
    """Iterate for the response's events; ``get_final_response()`` gives the completed response, parsed."""

    def __init__(
        self, *, raw_stream: Stream[Any], text_format: Any, input_tools: Any, starting_after: int | None = None
    ) -> None:
        self._raw_stream = raw_stream
        self._starting_after = starting_after
        self.response = getattr(raw_stream, "response", None)
        self._text_format = text_format
        self._input_tools = input_tools
        self._final: Response | None = None
        self._iterator = self.__stream__()

    def __next__(self) -> Any:
        return next(self._iterator)

    def __iter__(self) -> Iterator[Any]:
        yield from self._iterator

    def __enter__(self) -> ResponseStream[TextFormatT]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._raw_stream.close()

    def until_done(self) -> ResponseStream[TextFormatT]:
        """Read the stream to its end."""
        for _ in self._iterator:
            pass
        return self

    def get_final_response(self) -> ParsedResponse[TextFormatT]:
        """Read the rest of the stream; the response of its ``response.completed`` event, parsed."""
        self.until_done()
        if self._final is None:
            raise RuntimeError("Didn't receive a `response.completed` event.")
        return parse_response(self._final, self._text_format, self._input_tools)

    def __stream__(self) -> Iterator[Any]:
        for event in self._raw_stream:
            if getattr(event, "type", None) == "response.completed":
                self._final = event.response
            if self._starting_after is None or getattr(event, "sequence_number", 0) > self._starting_after:
                yield event


class ResponseStreamManager(Generic[TextFormatT]):
    """What ``responses.stream()`` returns: the request is sent when the ``with`` block is entered."""

    def __init__(
        self,
        api_request: Callable[[], Stream[Any]],
        *,
        text_format: Any,
        input_tools: Any,
        starting_after: int | None = None,
    ) -> None:
        """``starting_after``: resuming a stored response, the events up to that sequence number are skipped."""
        self._api_request = api_request
        self._starting_after = starting_after
        self._text_format = text_format
        self._input_tools = input_tools
        self._stream: ResponseStream[TextFormatT] | None = None

    def __enter__(self) -> ResponseStream[TextFormatT]:
        self._stream = ResponseStream(
            raw_stream=self._api_request(),
            text_format=self._text_format,
            input_tools=self._input_tools,
            starting_after=self._starting_after,
        )
        return self._stream

    def __exit__(self, *exc: object) -> None:
        if self._stream is not None:
            self._stream.close()
