"""The events ``responses.stream()`` yields on top of the API's own (openai's names and fields): text and
function-argument deltas carry the ``snapshot`` so far, text-done events the ``parsed`` text, and the completed
event the parsed response."""

from __future__ import annotations

from typing import Generic, TypeVar

from ...types.responses import ParsedResponse
from ...types.responses import ResponseCompletedEvent as RawResponseCompletedEvent
from ...types.responses import ResponseFunctionCallArgumentsDeltaEvent as RawResponseFunctionCallArgumentsDeltaEvent
from ...types.responses import ResponseTextDeltaEvent as RawResponseTextDeltaEvent
from ...types.responses import ResponseTextDoneEvent as RawResponseTextDoneEvent

__all__ = [
    "ResponseCompletedEvent",
    "ResponseFunctionCallArgumentsDeltaEvent",
    "ResponseTextDeltaEvent",
    "ResponseTextDoneEvent",
]

TextFormatT = TypeVar("TextFormatT")


class ResponseTextDeltaEvent(RawResponseTextDeltaEvent):
    snapshot: str
    """The content part's text so far."""


class ResponseTextDoneEvent(RawResponseTextDoneEvent, Generic[TextFormatT]):
    parsed: TextFormatT | None = None
    """The text parsed into ``text_format`` (``None`` without one, or for a non-final ``phase``)."""


class ResponseFunctionCallArgumentsDeltaEvent(RawResponseFunctionCallArgumentsDeltaEvent):
    snapshot: str
    """The call's arguments so far."""


class ResponseCompletedEvent(RawResponseCompletedEvent, Generic[TextFormatT]):
    # The plain class, as the stream builds the parsed response (a parametrised annotation would serialise it
    # as a bare Response, without the ``parsed`` fields).
    response: ParsedResponse  # type: ignore[type-arg]
