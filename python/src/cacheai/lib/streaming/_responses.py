"""``client.responses.stream(...)``: a context manager over a response's events, with ``get_final_response()``.

As openai's, the stream follows the response as it grows: text and function-argument deltas come with the
``snapshot`` so far, ``response.output_text.done`` with the ``parsed`` text and ``response.completed`` with the
parsed response (the event classes of ``_response_events``); every other event is yielded as received.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from ..._streaming import Stream
from ..._types import is_given
from ...types.responses import ParsedResponse
from .._parsing._completions import parse_content
from .._parsing._responses import parse_response
from ._response_events import (
    ResponseCompletedEvent,
    ResponseFunctionCallArgumentsDeltaEvent,
    ResponseTextDeltaEvent,
    ResponseTextDoneEvent,
)

__all__ = ["ResponseStream", "ResponseStreamManager", "ResponseStreamState"]

TextFormatT = TypeVar("TextFormatT")
_EventT = TypeVar("_EventT", bound=BaseModel)


class _Item:
    """What the stream knows of one output item: its kind, phase, content texts and arguments so far."""

    __slots__ = ("arguments", "kind", "phase", "texts")

    def __init__(self, item: Any) -> None:
        self.kind = getattr(item, "type", None)
        self.phase = getattr(item, "phase", None)
        self.texts: list[str | None] = [getattr(part, "text", None) for part in getattr(item, "content", None) or []]
        self.arguments: str = getattr(item, "arguments", None) or ""


class ResponseStreamState(Generic[TextFormatT]):
    """Follows a response's events; ``handle_event`` gives the event to yield for each one."""

    def __init__(self, *, text_format: Any, input_tools: Any) -> None:
        self._text_format = text_format
        self._input_tools = input_tools
        self._items: dict[int, _Item] = {}
        self._started = False
        self.completed: ParsedResponse[TextFormatT] | None = None

    def handle_event(self, event: Any) -> Any:
        kind = getattr(event, "type", None)
        if kind == "response.created" and not self._started:
            self._started = True
            for index, item in enumerate(getattr(event.response, "output", None) or []):
                self._items[index] = _Item(item)
        elif kind == "response.output_item.added" and getattr(event, "item", None) is not None:
            self._items[event.output_index] = _Item(event.item)
        elif kind == "response.content_part.added":
            item = self._item(event.output_index)
            if item.kind == "message":
                item.texts.append(getattr(event.part, "text", None))
        elif kind == "response.output_text.delta":
            item = self._item(event.output_index)
            text = item.texts[event.content_index] = (item.texts[event.content_index] or "") + event.delta
            return _extended(ResponseTextDeltaEvent, event, snapshot=text)
        elif kind == "response.output_text.done":
            item = self._item(event.output_index)
            parsed = None
            if is_given(self._text_format) and item.phase in (None, "final_answer"):
                parsed = parse_content(self._text_format, event.text)
            return _extended(ResponseTextDoneEvent, event, parsed=parsed)
        elif kind == "response.function_call_arguments.delta":
            item = self._item(event.output_index)
            item.arguments += event.delta
            return _extended(ResponseFunctionCallArgumentsDeltaEvent, event, snapshot=item.arguments)
        elif kind == "response.completed":
            self.completed = parse_response(event.response, self._text_format, self._input_tools)
            return _extended(ResponseCompletedEvent, event, response=self.completed)
        return event

    def _item(self, output_index: int) -> _Item:
        item = self._items.get(output_index)
        if item is None:
            raise RuntimeError(
                f"Received a content event for output index {output_index} before receiving its output item"
            )
        return item


def _extended(cls: type[_EventT], event: Any, **fields: Any) -> _EventT:
    """``event`` as the helper's ``cls``: its fields (extras included) and ``fields``, without validation."""
    values = {**dict(event), **fields}
    return cls.model_construct(_fields_set={*event.model_fields_set, *fields}, **values)


class ResponseStream(Generic[TextFormatT]):
    """Iterate for the response's events; ``get_final_response()`` gives the completed response, parsed."""

    def __init__(
        self, *, raw_stream: Stream[Any], text_format: Any, input_tools: Any, starting_after: int | None = None
    ) -> None:
        self._raw_stream = raw_stream
        self._starting_after = starting_after
        self.response = getattr(raw_stream, "response", None)
        self._state: ResponseStreamState[TextFormatT] = ResponseStreamState(
            text_format=text_format, input_tools=input_tools
        )
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
        if self._state.completed is None:
            raise RuntimeError("Didn't receive a `response.completed` event.")
        return self._state.completed

    def __stream__(self) -> Iterator[Any]:
        handle = self._state.handle_event
        for raw in self._raw_stream:
            event = handle(raw)
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
