"""Faults a test can switch on in the fake server: forced responses and broken streams."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["BatchFaults", "ForcedResponse", "StreamFaults", "encode_body", "error_body", "error_type_for"]

_ERROR_TYPES = {
    400: ("invalid_request_error", None),
    401: ("invalid_request_error", "invalid_api_key"),
    403: ("invalid_request_error", "unsupported_country_region_territory"),
    404: ("invalid_request_error", "not_found"),
    409: ("invalid_request_error", "conflict"),
    422: ("invalid_request_error", None),
    429: ("requests", "rate_limit_exceeded"),
}

_REASONS = {
    400: "Bad request",
    401: "Incorrect API key provided",
    403: "Permission denied",
    404: "Not found",
    408: "Request timed out",
    409: "Conflict",
    422: "Unprocessable entity",
    429: "Rate limit reached for requests",
}


def error_type_for(status: int) -> tuple[str, str | None]:
    """The OpenAI error ``type`` and ``code`` usually sent with ``status``."""
    if status >= 500:
        return "server_error", None
    return _ERROR_TYPES.get(status, ("invalid_request_error", None))


def error_body(
    message: str,
    *,
    type: str | None = None,
    code: str | None = None,
    param: str | None = None,
    status: int = 400,
) -> dict[str, Any]:
    """An OpenAI-shaped error body: ``{"error": {"message", "type", "param", "code"}}``."""
    default_type, default_code = error_type_for(status)
    return {
        "error": {
            "message": message,
            "type": type or default_type,
            "param": param,
            "code": code if code is not None else default_code,
        }
    }


@dataclass(frozen=True)
class ForcedResponse:
    """A response sent instead of the normal one (for the next request, optionally only on ``path``)."""

    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    content_type: str = "application/json"
    path: str | None = None
    drop: bool = False  # close the connection without any response instead

    @classmethod
    def error(
        cls,
        status: int,
        *,
        message: str | None = None,
        code: str | None = None,
        type: str | None = None,
        param: str | None = None,
        headers: Mapping[str, str] | None = None,
        body: bytes | str | Mapping[str, Any] | None = None,
        path: str | None = None,
    ) -> ForcedResponse:
        if body is None:
            text = message if message is not None else _REASONS.get(status, f"Simulated error {status}")
            encoded = json.dumps(error_body(text, type=type, code=code, param=param, status=status)).encode()
        else:
            encoded = encode_body(body)
        return cls(status=status, body=encoded, headers=dict(headers or {}), path=path)

    def matches(self, path: str) -> bool:
        return self.path is None or path == self.path or path.endswith(self.path)


def encode_body(body: bytes | str | Mapping[str, Any]) -> bytes:
    """Bytes as they are, text as UTF-8, a mapping as JSON."""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode()
    return json.dumps(dict(body)).encode()


@dataclass(frozen=True)
class StreamFaults:
    """How streamed (SSE) responses misbehave; counts are data events sent before the fault.

    - ``stall_after``: stop sending, keep the connection open until the server stops or ``stall_timeout``.
    - ``cut_after``: close the connection abruptly (no terminating chunk).
    - ``error_after``: send ``data: {"error": {...}}`` (``error`` overrides the inner object) and end.
    - ``keepalive_comments``: send a ``: ping`` comment before every event.
    - ``no_done``: end without ``data: [DONE]``.
    - ``empty``: HTTP 200 ``text/event-stream`` with an empty body (llama.cpp's context overflow).
    - ``chunk_delay``: seconds to wait before each event.
    """

    stall_after: int | None = None
    cut_after: int | None = None
    error_after: int | None = None
    error: Mapping[str, Any] | None = None
    keepalive_comments: bool = False
    no_done: bool = False
    empty: bool = False
    chunk_delay: float = 0.0
    stall_timeout: float = 60.0

    def error_event(self) -> dict[str, Any]:
        inner = dict(self.error) if self.error is not None else None
        if inner is None:
            inner = error_body("The server had an error while processing your request.", status=500)["error"]
        return {"error": inner}


@dataclass(frozen=True)
class BatchFaults:
    """How the next batches end (applied when a batch finishes).

    - ``fail_custom_ids``: these requests go to the error file (``"all"``: every one, so a completed batch has
      only an error file and ``output_file_id`` is null).
    - ``expire_after``: the batch expires after this many requests; only they are in the output file.
    - ``fail_batch``: the batch fails validation with these ``errors.data`` entries (``code``, ``message``, ``line``).
    - ``empty_error_file_id``: a batch without errors reports ``error_file_id: ""`` rather than null.
    """

    fail_custom_ids: frozenset[str] | str = frozenset()
    expire_after: int | None = None
    fail_batch: tuple[Mapping[str, Any], ...] | None = None
    empty_error_file_id: bool = False

    def fails(self, custom_id: object) -> bool:
        return self.fail_custom_ids == "all" or custom_id in self.fail_custom_ids
