"""What a fake endpoint answers: a JSON document, raw bytes or an event stream, and OpenAI's error body."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._faults import error_body
from ._records import RecordedRequest

if TYPE_CHECKING:
    from ._server import FakeOpenAIServer

__all__ = ["BytesOutcome", "Handler", "JsonOutcome", "Outcome", "StreamOutcome", "error", "json_body"]


@dataclass(frozen=True)
class JsonOutcome:
    status: int
    body: Any
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BytesOutcome:
    status: int
    body: bytes
    content_type: str


@dataclass(frozen=True)
class StreamOutcome:
    """Server-sent events; ``named`` adds an ``event: <type>`` line, ``done`` ends with ``data: [DONE]``."""

    events: Iterable[dict[str, Any]]
    named: bool = False
    done: bool = True


Outcome = JsonOutcome | BytesOutcome | StreamOutcome
Handler = Callable[["FakeOpenAIServer", RecordedRequest, "re.Match[str]"], Outcome]


def error(status: int, message: str, *, param: str | None = None, code: str | None = None) -> JsonOutcome:
    return JsonOutcome(status, error_body(message, status=status, param=param, code=code))


def json_body(request: RecordedRequest) -> dict[str, Any] | JsonOutcome:
    """The request's JSON object, or OpenAI's 400 when the body is not one."""
    if not isinstance(request.body, dict):
        return error(400, "We could not parse the JSON body of your request.")
    return request.body
