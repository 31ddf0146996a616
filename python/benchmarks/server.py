"""A fast local OpenAI-compatible server for the benchmarks.

Every response is pre-rendered bytes; a request costs the server a header scan, a route lookup and one
``sendall``. HTTP/1.1 keep-alive, one thread per connection, ``TCP_NODELAY``. Streams are sent with
``Transfer-Encoding: chunked``, one SSE event per HTTP chunk, written many chunks per ``sendall`` (so the
client's reads pick up many events at once, as with any fast server).

Run it as ``python server.py [--port 0] [--cpu N]``: it prints ``PORT <n>`` on stdout, then serves until its
stdin closes (so it never outlives the process that started it) or it gets SIGTERM.

Routes: ``POST /v1/chat/completions`` (``"stream": true`` with model ``bench-stream-<N>`` streams N chunks),
``GET /v1/models``, ``POST /v1/embeddings`` (answers in the request's ``encoding_format``, float by default),
``GET /_bench/cpu`` (the server's own CPU seconds, to show it is not the bottleneck, and the number of
connections it has accepted, to show whether clients reuse them).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from functools import lru_cache

import payloads

_STREAM_BATCH = 256  # SSE events per sendall for long streams


def _head(status: str, content_type: str, extra: str = "") -> bytes:
    return (
        f"HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\nx-request-id: req_bench0123456789\r\n"
        f"connection: keep-alive\r\n{extra}"
    ).encode()


def _json_response(body: bytes, status: str = "200 OK") -> bytes:
    return _head(status, "application/json", f"content-length: {len(body)}\r\n\r\n") + body


def _frame(payload: bytes) -> bytes:
    """One SSE event as one HTTP chunk."""
    event = b"data: " + payload + b"\n\n"
    return b"%x\r\n%s\r\n" % (len(event), event)


_CHAT = _json_response(payloads.chat_completion_body())
_MODELS = _json_response(payloads.models_body())
_NOT_FOUND = _json_response(
    b'{"error":{"message":"not found","type":"invalid_request_error","param":null,"code":null}}', "404 Not Found"
)
_STREAM_HEAD = _head("200 OK", "text/event-stream; charset=utf-8", "transfer-encoding: chunked\r\n\r\n")


@lru_cache(maxsize=8)
def _embeddings(encoding: str, rows: int) -> bytes:
    return _json_response(payloads.embeddings_body(encoding, rows))


@lru_cache(maxsize=4)
def _stream_parts(include_usage: bool) -> tuple[bytes, bytes, bytes, bytes]:
    first, content, finish, tail = payloads.stream_events(include_usage)
    end = _frame(finish) + (_frame(tail) if tail else b"") + _frame(b"[DONE]") + b"0\r\n\r\n"
    framed = _frame(content)
    return _STREAM_HEAD + _frame(first), framed, framed * _STREAM_BATCH, end


def _stream(chunks: int, include_usage: bool) -> Iterator[bytes]:
    start, one, batch, end = _stream_parts(include_usage)
    content_chunks = max(chunks - 2, 0)
    full, rest = divmod(content_chunks, _STREAM_BATCH)
    if full == 0:
        yield start + one * rest + end
        return
    yield start
    for _ in range(full):
        yield batch
    yield one * rest + end


def _chat(body: bytes) -> bytes | Iterator[bytes]:
    if b'"stream"' not in body:
        return _CHAT
    request = json.loads(body)
    if not request.get("stream"):
        return _CHAT
    model = str(request.get("model", ""))
    chunks = 10
    if model.startswith(payloads.STREAM_MODEL_PREFIX):
        chunks = int(model[len(payloads.STREAM_MODEL_PREFIX) :])
    options = request.get("stream_options") or {}
    return _stream(chunks, bool(options.get("include_usage")))


def _embeddings_route(body: bytes) -> bytes:
    request = json.loads(body)
    inputs = request.get("input")
    rows = len(inputs) if isinstance(inputs, list) and inputs and not isinstance(inputs[0], int) else 1
    encoding = "base64" if request.get("encoding_format") == "base64" else "float"
    return _embeddings(encoding, rows)


def _route(method: bytes, path: bytes, body: bytes) -> bytes | Iterator[bytes]:
    if path.startswith(b"/v1"):
        path = path[3:]
    if method == b"POST" and path == b"/chat/completions":
        return _chat(body)
    if method == b"GET" and path == b"/models":
        return _MODELS
    if method == b"POST" and path == b"/embeddings":
        return _embeddings_route(body)
    if path == b"/_bench/cpu":
        stats = {"process_time": time.process_time(), "connections": _connections_accepted}
        return _json_response(json.dumps(stats).encode())
    return _NOT_FOUND


def _content_length(head_lower: bytes) -> int:
    start = head_lower.find(b"\r\ncontent-length:")
    if start < 0:
        return 0
    end = head_lower.find(b"\r\n", start + 2)
    return int(head_lower[start + 17 : end if end >= 0 else None])


def serve_connection(sock: socket.socket) -> None:
    """Answer requests on one keep-alive connection until the client closes it."""
    buffer = b""
    try:
        while True:
            end = buffer.find(b"\r\n\r\n")
            while end < 0:
                data = sock.recv(65536)
                if not data:
                    return
                buffer += data
                end = buffer.find(b"\r\n\r\n")
            head, rest = buffer[:end], buffer[end + 4 :]
            head_lower = head.lower()
            length = _content_length(head_lower)
            while len(rest) < length:
                data = sock.recv(max(65536, length - len(rest)))
                if not data:
                    return
                rest += data
            body, buffer = rest[:length], rest[length:]
            method, target, _version = head[: head.find(b"\r\n")].split(b" ", 2)
            response = _route(method, target.split(b"?", 1)[0], body)
            if isinstance(response, bytes):
                sock.sendall(response)
            else:
                for part in response:
                    sock.sendall(part)
            if b"\r\nconnection: close" in head_lower:
                return
    except (ConnectionError, OSError):
        return
    finally:
        sock.close()


_connections_accepted = 0


def _accept_forever(listener: socket.socket) -> None:
    global _connections_accepted
    while True:
        conn, _addr = listener.accept()
        _connections_accepted += 1
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=serve_connection, args=(conn,), daemon=True).start()


def _exit_when_stdin_closes() -> None:
    sys.stdin.buffer.read()
    os._exit(0)


def pin_to_cpu(cpu: int | None) -> bool:
    """Pin this process to one CPU if the platform allows it; report whether it did."""
    if cpu is None or not hasattr(os, "sched_setaffinity"):
        return False
    try:
        os.sched_setaffinity(0, {cpu})
    except OSError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cpu", type=int, default=None, help="pin the server to this CPU")
    args = parser.parse_args()
    pin_to_cpu(args.cpu)
    # Render the big bodies before announcing the port, so the first timed request pays nothing extra.
    _embeddings("float", payloads.EMBEDDING_ROWS)
    _embeddings("base64", payloads.EMBEDDING_ROWS)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(128)
    threading.Thread(target=_exit_when_stdin_closes, daemon=True).start()
    print(f"PORT {listener.getsockname()[1]}", flush=True)
    try:
        _accept_forever(listener)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
