"""A small stdlib HTTP server for the differential tests: answers scripted replies and records every request."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class Reply:
    """One scripted answer. ``sse`` events are sent verbatim (each should end with a blank line)."""

    status: int = 200
    json: object = None
    body: bytes | None = None
    sse: tuple[str, ...] | None = None
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0  # seconds before the status line (to provoke client timeouts)
    content_type: str | None = None

    def payload(self) -> tuple[bytes, str]:
        if self.sse is not None:
            return "".join(self.sse).encode("utf-8"), self.content_type or "text/event-stream"
        if self.body is not None:
            return self.body, self.content_type or "text/plain"
        return json.dumps(self.json).encode("utf-8"), self.content_type or "application/json"


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: dict[str, str]  # names lower-cased
    body: bytes


@dataclass
class _Script:
    replies: list[Reply] = field(default_factory=list)
    served: int = 0
    records: list[RecordedRequest] = field(default_factory=list)


class RecordingServer:
    """``ThreadingHTTPServer`` on 127.0.0.1:<free port>; ``script()`` resets replies and records."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._script = _Script()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _read_chunked(self) -> bytes:
                """A chunked request body (httpx sends one for a body of unknown length, e.g. a generator)."""
                body = b""
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):  # trailers
                            pass
                        return body
                    body += self.rfile.read(size)
                    self.rfile.readline()  # the CRLF after each chunk

            def _handle(self) -> None:
                if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
                    body = self._read_chunked()
                else:
                    length = int(self.headers.get("Content-Length") or 0)
                    body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                record = RecordedRequest(
                    method=self.command,
                    path=parts.path,
                    query=tuple(parse_qsl(parts.query, keep_blank_values=True)),
                    headers={name.lower(): value for name, value in self.headers.items()},
                    body=body,
                )
                reply = owner._next_reply(record)
                if reply.delay:
                    time.sleep(reply.delay)
                payload, content_type = reply.payload()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", content_type)
                    for name, value in reply.headers:
                        self.send_header(name, value)
                    if reply.sse is not None:
                        self.send_header("Connection", "close")  # body ends when the connection closes
                        self.close_connection = True
                    else:
                        self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the client gave up (timeout scenarios)

            do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _handle

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> RecordingServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def script(self, replies: list[Reply]) -> None:
        """Answer the next requests with ``replies`` in order (the last one repeats); forget old records."""
        with self._lock:
            self._script = _Script(replies=list(replies))

    @property
    def records(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._script.records)

    def _next_reply(self, record: RecordedRequest) -> Reply:
        with self._lock:
            script = self._script
            script.records.append(record)
            if not script.replies:
                return Reply(status=500, json={"error": {"message": "no reply scripted"}})
            reply = script.replies[min(script.served, len(script.replies) - 1)]
            script.served += 1
            return reply
