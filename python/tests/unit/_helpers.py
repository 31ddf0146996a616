"""Helpers for the unit tests: recording what goes over the (mocked) wire, and chunked response bodies."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import responses
from requests.structures import CaseInsensitiveDict

BASE_URL = "http://api.test/v1"
CHAT_URL = BASE_URL + "/chat/completions"
API_KEY = "sk-test-0123456789abcdef"

COMPLETION: dict[str, Any] = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1700000000,
    "model": "gpt-4o",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": "Hello!"},
            "finish_reason": "stop",
            "logprobs": None,
        }
    ],
    "usage": {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7},
}

MESSAGES = [{"role": "user", "content": "hi"}]


@dataclass
class Sent:
    """One request as it was when it was sent (headers copied at send time, not at the end of the call)."""

    method: str
    url: str
    headers: CaseInsensitiveDict[str]
    body: bytes | None
    timeout: Any

    def json(self) -> Any:
        assert self.body is not None
        return json.loads(self.body)


@dataclass
class Reply:
    status: int = 200
    json: Any = None
    body: bytes | str = b""
    headers: dict[str, str] | None = None

    def as_tuple(self) -> tuple[int, dict[str, str], bytes | str]:
        headers = dict(self.headers or {})
        body: bytes | str = self.body
        if self.json is not None:
            body = json.dumps(self.json)
            headers.setdefault("Content-Type", "application/json")
        return self.status, headers, body


def ok(payload: Any = None, **headers: str) -> Reply:
    return Reply(200, json=COMPLETION if payload is None else payload, headers=headers or None)


def serve(
    rsps: responses.RequestsMock,
    method: str,
    url: str,
    *replies: Reply | BaseException,
) -> list[Sent]:
    """Answer ``method url`` with ``replies`` in order (the last one repeats); return the requests seen."""
    sent: list[Sent] = []
    queue: list[Reply | BaseException] = list(replies) or [ok()]

    def callback(request: Any) -> Any:
        body = request.body
        if isinstance(body, str):
            body = body.encode()
        sent.append(
            Sent(
                method=request.method,
                url=request.url,
                headers=CaseInsensitiveDict(dict(request.headers)),
                body=body,
                timeout=request.req_kwargs.get("timeout"),
            )
        )
        reply = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(reply, BaseException):
            return reply
        return reply.as_tuple()

    rsps.add_callback(method, url, callback=callback)
    return sent


class _ChunkedRaw(io.RawIOBase):
    """A raw body that hands out exactly one predefined chunk per read, then EOF or an error."""

    def __init__(self, chunks: Iterable[bytes], error: BaseException | None) -> None:
        self._chunks = [c for c in chunks if c]
        self._error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not self._chunks:
            if self._error is not None:
                error, self._error = self._error, None
                raise error
            return 0
        chunk = self._chunks.pop(0)
        n = min(len(buffer), len(chunk))
        buffer[:n] = chunk[:n]
        if n < len(chunk):
            self._chunks.insert(0, chunk[n:])
        return n


def chunked_body(chunks: Sequence[bytes], error: BaseException | None = None) -> io.BufferedReader:
    """A ``responses`` body delivered in ``chunks`` (one per read), optionally failing with ``error`` at the end."""
    return io.BufferedReader(_ChunkedRaw(chunks, error))


def chunk_json(content: str | None = "x", *, index: int = 0, finish_reason: str | None = None,
               **extra: Any) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1700000000,
        "model": "gpt-4o",
        "choices": [{"index": index, "delta": {"content": content}, "finish_reason": finish_reason}],
        **extra,
    }


def sse(*payloads: Any) -> bytes:
    """``data: <json>`` events, each with its blank line (a ``str`` payload is sent verbatim)."""
    out = []
    for payload in payloads:
        data = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
        out.append(f"data: {data}\n\n")
    return "".join(out).encode()
