"""``FakeCacheAIService``: the CacheAI semantic-cache service's protocol on 127.0.0.1, for offline tests.

``POST /v1/chat/completions`` answers a stored ChatCompletion (as SSE for ``stream: true``) when the normalised
prompt (the messages as ``role: content`` lines, whitespace collapsed, lower case) was stored, else
``{"requires_baseline_model": true, "cache_key": ...}``. ``PUT /v1/cache/{key}`` stores or updates an entry,
``GET`` reads it, ``DELETE`` removes it. With ``api_key`` set, other keys get 401. ``fail_next(n, status)``
answers the next ``n`` requests with that status; ``requests`` records ``(method, path, headers, body)``.
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

__all__ = ["FakeCacheAIService", "ServiceRequest"]


class ServiceRequest:
    """One request the fake service received."""

    def __init__(self, method: str, path: str, headers: dict[str, str], body: Any) -> None:
        self.method = method
        self.path = path
        self.headers = headers  # lower-case names
        self.body = body


def normalise(messages: Any) -> str:
    lines = [f"{m.get('role', '')}: {m.get('content', '')}" for m in messages or () if isinstance(m, dict)]
    return re.sub(r"\s+", " ", "\n".join(lines)).strip().lower()


class FakeCacheAIService:
    """A fake CacheAI service (``base_url`` is ``http://127.0.0.1:<port>/v1``); a context manager."""

    def __init__(self, *, api_key: str | None = "ca-test", port: int = 0) -> None:
        self.api_key = api_key
        self._port = port
        self._lock = threading.Lock()
        self.entries: dict[str, dict[str, Any]] = {}  # cache key -> entry (output, model_id, prompt, ...)
        self.requests: list[ServiceRequest] = []
        self._failures: list[int] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------------------------

    def start(self) -> FakeCacheAIService:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", self._port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeCacheAIService:
        return self.start()

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "the fake service is not started"
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    # -- scripting -------------------------------------------------------------------------------------------

    def fail_next(self, n: int = 1, status: int = 500) -> None:
        """Answer the next ``n`` requests with ``status`` (any path)."""
        with self._lock:
            self._failures.extend([status] * n)

    def key_for(self, messages: Any) -> str:
        return hashlib.sha256(normalise(messages).encode()).hexdigest()[:32]

    # -- answering -------------------------------------------------------------------------------------------

    def _answer(self, method: str, path: str, headers: dict[str, str], body: Any) -> tuple[int, Any, bool]:
        """(status, JSON body or SSE bytes, is_stream)."""
        with self._lock:
            self.requests.append(ServiceRequest(method, path, headers, body))
            if self._failures:
                return self._failures.pop(0), {"error": {"message": "injected fault", "type": "server_error"}}, False
        if self.api_key is not None and headers.get("authorization") != f"Bearer {self.api_key}":
            return 401, {"error": {"message": "Invalid CacheAI API key", "type": "authentication_error"}}, False
        route = path.split("?", 1)[0].removeprefix("/v1")
        if method == "POST" and route == "/chat/completions" and isinstance(body, dict):
            key = self.key_for(body.get("messages"))
            entry = self.entries.get(key)
            if entry is None or headers.get("x-cacheai-enable-cache") == "false":
                return 200, {"requires_baseline_model": True, "cache_key": key}, False
            completion = _completion(key, entry, body.get("model"))
            return (200, _sse(completion), True) if body.get("stream") else (200, completion, False)
        if route.startswith("/cache/"):
            key = route[len("/cache/") :]
            if method == "PUT" and isinstance(body, dict):
                with self._lock:
                    self.entries.setdefault(key, {}).update(body)
                return 200, {"cache_key": key, "updated_fields": sorted(body)}, False
            entry = self.entries.get(key)
            if entry is None:
                return 404, {"error": {"message": f"No cache entry {key}", "type": "not_found"}}, False
            if method == "GET":
                return 200, {"cache_key": key, **entry}, False
            if method == "DELETE":
                with self._lock:
                    self.entries.pop(key, None)
                return 200, {"cache_key": key, "deleted": True}, False
        return 404, {"error": {"message": f"No route {method} {path}", "type": "not_found"}}, False


def _completion(key: str, entry: dict[str, Any], model: Any) -> dict[str, Any]:
    message = {"role": "assistant", "content": entry.get("output")}
    return {
        "id": f"chatcmpl-cache-{key[:12]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": entry.get("model_id") or model or "cached",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "cache_key": key,
    }


def _sse(completion: dict[str, Any]) -> bytes:
    chunk = {
        "id": completion["id"],
        "object": "chat.completion.chunk",
        "created": completion["created"],
        "model": completion["model"],
        "choices": [{"index": 0, "delta": completion["choices"][0]["message"], "finish_reason": "stop"}],
    }
    return b"data: " + json.dumps(chunk).encode() + b"\n\ndata: [DONE]\n\n"


class _Handler(BaseHTTPRequestHandler):
    fake: FakeCacheAIService
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # headers and body: no Nagle wait

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def _handle(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        headers = {k.lower(): v for k, v in self.headers.items()}
        status, payload, stream = self.fake._answer(self.command, self.path, headers, body)
        data = payload if stream else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "text/event-stream" if stream else "application/json")
        if stream:
            self.send_header("x-cacheai-cache-key", self.fake.key_for((body or {}).get("messages")))
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _handle
