"""Run the same user code with ``openai.OpenAI`` and ``cacheai.CacheAI`` and describe what each did.

A run gives the requests that reached the recording server (method, path, query, JSON or multipart body,
significant headers) and the outcome: the parsed result as plain data (``model_dump``), or the exception's
class, status, message and body.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import openai
import pydantic
from recording_server import RecordedRequest, RecordingServer, Reply

import cacheai

API_KEY = "sk-differential"
# Headers that legitimately differ: the HTTP library's own (framing included: httpx sends a body of unknown
# length chunked, requests with its length; the body itself is compared), and cacheai's deliberate differences
# (no X-Stainless-* headers, its own User-Agent). Everything else must match.
IGNORED_HEADERS = {"user-agent", "host", "connection", "accept-encoding", "content-length", "transfer-encoding"}
RUN_HEADER = "x-differential-run"  # which run sent a request (see ``run``); not compared
_RUNS = itertools.count()
IGNORED_HEADER_PREFIXES = ("x-stainless-",)


@dataclass(frozen=True)
class Scenario:
    """One piece of user code and the server replies it meets."""

    name: str
    call: Callable[[Any], Any]
    replies: list[Reply]
    client_options: Mapping[str, Any] = field(default_factory=dict)
    # "same": identical message; "cacheai_adds_server_text": the deliberate difference for error bodies that
    # are not {"error": {"message": ...}} or {"message": ...}: openai says "Error code: N", cacheai adds the text.
    message: str = "same"
    base_url: str = "{server}/v1"  # "{server}" is replaced by the recording server's http://127.0.0.1:PORT


@dataclass
class Outcome:
    requests: list[dict[str, Any]]
    result: Any = None
    error: dict[str, Any] | None = None


def plain(value: Any) -> Any:
    """Parsed results as comparable plain data (models dumped; streams and pages iterated)."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", warnings=False)
    if isinstance(value, (openai.Stream, cacheai.Stream)):
        items: list[Any] = []
        try:
            for item in value:
                items.append(plain(item))
        except Exception as error:  # the stream's own failure is part of what must match
            items.append({"raised": describe_error(error)})
        return {"stream": items}
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def describe_error(error: BaseException) -> dict[str, Any]:
    return {
        "class": type(error).__name__,
        "status": getattr(error, "status_code", None),
        "message": str(error),
        "body": getattr(error, "body", None),
        "code": getattr(error, "code", None),
        "param": getattr(error, "param", None),
        "type": getattr(error, "type", None),
    }


def _multipart_parts(content_type: str, body: bytes) -> list[dict[str, Any]]:
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    parts = []
    for part in message.iter_parts():
        parts.append(
            {
                "name": part.get_param("name", header="content-disposition"),
                "filename": part.get_filename(),
                "content_type": part.get_content_type() if part.get_filename() else None,
                "data": part.get_payload(decode=True),
            }
        )
    return sorted(parts, key=lambda part: str(part["name"]))


def describe_request(record: RecordedRequest) -> dict[str, Any]:
    headers = {
        name: value
        for name, value in record.headers.items()
        if name not in IGNORED_HEADERS and name != RUN_HEADER and not name.startswith(IGNORED_HEADER_PREFIXES)
    }
    content_type = headers.get("content-type", "")
    body: Any = record.body
    if content_type.startswith("multipart/form-data"):
        body = _multipart_parts(content_type, record.body)
        headers["content-type"] = "multipart/form-data"  # the boundary is random
    elif record.body:
        try:
            body = json.loads(record.body)
        except ValueError:
            body = record.body
    return {
        "method": record.method,
        "path": record.path,
        "query": sorted(record.query),
        "headers": headers,
        "body": body,
    }


def run(server: RecordingServer, scenario: Scenario, client_class: type[Any]) -> Outcome:
    """Run ``scenario`` with a fresh client of ``client_class`` against freshly scripted replies."""
    server.script(scenario.replies)
    tag = str(next(_RUNS))
    options = {
        "api_key": API_KEY,
        "base_url": scenario.base_url.format(server=server.url),
        "max_retries": 0,
        **scenario.client_options,
    }
    options["default_headers"] = {**options.get("default_headers", {}), RUN_HEADER: tag}
    outcome = Outcome(requests=[])
    try:
        with client_class(**options) as client:
            outcome.result = plain(scenario.call(client))
    except Exception as error:
        outcome.error = describe_error(error)
    # A request of an earlier run that reached the server late (its client gave up or raised after sending) is
    # not this run's: each run's client tags its requests.
    outcome.requests = [
        describe_request(record)
        for record in server.records
        if record.headers.get(RUN_HEADER, tag) == tag
    ]
    return outcome


def sse(*payloads: Any, done: bool = True) -> tuple[str, ...]:
    """SSE events for JSON payloads (strings are sent as raw event text), then ``data: [DONE]``."""
    events = [item if isinstance(item, str) else f"data: {json.dumps(item)}\n\n" for item in payloads]
    if done:
        events.append("data: [DONE]\n\n")
    return tuple(events)


def headers(**values: str) -> tuple[tuple[str, str], ...]:
    return tuple((name.replace("_", "-"), value) for name, value in values.items())


def names(scenarios: Iterable[Scenario]) -> list[str]:
    return [scenario.name for scenario in scenarios]
