"""The HTTP/1.1 request handler of the fake server: reads, records, applies faults, writes."""

from __future__ import annotations

import json
import socket
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from ._faults import ForcedResponse, StreamFaults, error_body
from ._records import RecordedRequest
from ._routes import BytesOutcome, JsonOutcome, StreamOutcome, parse_multipart, route

if TYPE_CHECKING:
    from ._server import FakeOpenAIServer

__all__ = ["FakeHTTPServer", "FakeRequestHandler"]


class FakeHTTPServer(ThreadingHTTPServer):
    """A threaded HTTP server that knows its ``FakeOpenAIServer`` and its open connections."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, fake: FakeOpenAIServer, port: int) -> None:
        self.fake = fake
        self.connections: set[socket.socket] = set()
        super().__init__(("127.0.0.1", port), FakeRequestHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore clients that went away; remember anything else for ``FakeOpenAIServer.errors``."""
        error = sys.exc_info()[1]
        if error is not None and not isinstance(error, OSError):
            self.fake._errors.append(error)

    def close_connections(self) -> None:
        for connection in list(self.connections):
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _ConnectionCut(Exception):
    """Raised to drop a connection on purpose (the ``cut_after`` fault)."""


class FakeRequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "cacheai-fake/1"
    sys_version = ""
    server: FakeHTTPServer
    _response_started = False

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.connections.add(self.connection)

    def finish(self) -> None:
        self.server.connections.discard(self.connection)
        try:
            super().finish()
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.fake.verbose:
            super().log_message(format, *args)

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    # --- the request ------------------------------------------------------------------------------------

    def _handle(self) -> None:
        fake = self.server.fake
        self._response_started = False
        try:
            request = self._read_request()
            fake._record(request)
            if not fake._sleep(fake.latency):
                self.close_connection = True
                return
            forced = fake._take_forced(request.path)
            if forced is not None:
                self._send_forced(forced)
            elif (denied := fake._key_denial(request.headers.get("authorization"))) is not None:
                self._send_forced(denied)
            else:
                self._send_outcome(route(fake, request))
        except _ConnectionCut:
            self.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as exc:  # a bug in the fake server: answer 500 and remember it for the test
            fake._errors.append(exc)
            self.close_connection = True
            if not self._response_started:
                try:
                    self._send_json(500, error_body(f"Fake server error: {exc!r}", status=500))
                except OSError:
                    pass

    def _read_request(self) -> RecordedRequest:
        raw = self._read_body()
        headers = {name.lower(): value for name, value in self.headers.items()}
        target = urlsplit(self.path)
        content_type = headers.get("content-type", "")
        body: Any = None
        if content_type.startswith("multipart/form-data"):
            body = parse_multipart(content_type, raw)
        elif raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", errors="replace")
        return RecordedRequest(
            method=self.command,
            path=target.path,
            query=dict(parse_qsl(target.query, keep_blank_values=True)),
            headers=headers,
            body=body,
            raw_body=raw,
        )

    def _read_body(self) -> bytes:
        if self.headers.get("transfer-encoding", "").lower() == "chunked":
            parts: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(parts)
                parts.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("content-length") or 0)
        return self.rfile.read(length) if length else b""

    # --- plain responses --------------------------------------------------------------------------------

    def _start(self, status: int, content_type: str, headers: dict[str, str] | None = None) -> None:
        self._response_started = True
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("x-request-id", f"req_{uuid.uuid4().hex}")
        self.send_header("openai-processing-ms", "1")
        for name, value in {**self.server.fake.response_headers, **(headers or {})}.items():
            self.send_header(name, value)

    def _send_bytes(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self._start(status, content_type, headers)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        self._send_bytes(status, json.dumps(body, ensure_ascii=False).encode(), "application/json", headers)

    def _send_forced(self, forced: ForcedResponse) -> None:
        if forced.drop:
            raise _ConnectionCut
        self._send_bytes(forced.status, forced.body, forced.content_type, dict(forced.headers))

    def _send_outcome(self, outcome: JsonOutcome | BytesOutcome | StreamOutcome) -> None:
        if isinstance(outcome, JsonOutcome):
            self._send_json(outcome.status, outcome.body, dict(outcome.headers))
        elif isinstance(outcome, BytesOutcome):
            self._send_bytes(outcome.status, outcome.body, outcome.content_type)
        else:
            self._send_stream(outcome, self.server.fake._take_stream_faults())

    # --- server-sent events -----------------------------------------------------------------------------

    def _send_stream(self, outcome: StreamOutcome, faults: StreamFaults) -> None:
        fake = self.server.fake
        self._start(200, "text/event-stream; charset=utf-8", {"Cache-Control": "no-cache"})
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if faults.empty:
            self._write_chunk(b"")
            return
        for sent, event in enumerate(outcome.events):
            if faults.stall_after is not None and sent >= faults.stall_after:
                fake._sleep(faults.stall_timeout)
                raise _ConnectionCut
            if faults.cut_after is not None and sent >= faults.cut_after:
                raise _ConnectionCut
            if faults.error_after is not None and sent >= faults.error_after:
                self._write_event(json.dumps(faults.error_event()), None, faults)
                self._write_chunk(b"")
                return
            if faults.chunk_delay and not fake._sleep(faults.chunk_delay):
                raise _ConnectionCut
            self._write_event(
                json.dumps(event, ensure_ascii=False), event.get("type") if outcome.named else None, faults
            )
        if outcome.done and not faults.no_done:
            self._write_event("[DONE]", None, faults)
        self._write_chunk(b"")

    def _write_event(self, data: str, event: object, faults: StreamFaults) -> None:
        text = f"event: {event}\ndata: {data}\n\n" if isinstance(event, str) else f"data: {data}\n\n"
        if faults.keepalive_comments:
            text = ": ping\n\n" + text
        self._write_chunk(text.encode())

    def _write_chunk(self, data: bytes) -> None:
        """One HTTP chunk, written in a single send (an empty ``data`` is the terminating chunk)."""
        self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n" if data else b"0\r\n\r\n")
        self.wfile.flush()
