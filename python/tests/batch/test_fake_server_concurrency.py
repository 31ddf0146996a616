"""The fake server under concurrency: a listen backlog for many new connections, and honest Connection: close."""

from __future__ import annotations

import http.client
import socket
import threading
from collections.abc import Iterator

import pytest

import cacheai
from cacheai.testing import FakeOpenAIServer
from cacheai.testing._handler import FakeHTTPServer

USER = [{"role": "user", "content": "hi"}]


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


def test_64_connections_opened_at_once_all_complete_their_handshake_before_any_is_accepted() -> None:
    fake = FakeOpenAIServer()
    http_server = FakeHTTPServer(fake, 0)  # listening, but nothing accepts yet: only the backlog holds them
    port = http_server.server_address[1]
    sockets: list[socket.socket] = []
    thread = threading.Thread(target=http_server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    try:
        for _ in range(64):
            # A full accept queue drops the SYN (the client retries after 1 s): 2 s is far beyond a local connect.
            sockets.append(socket.create_connection(("127.0.0.1", port), timeout=2.0))
        thread.start()
        request = b"GET /v1/models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        for sock in sockets:
            sock.sendall(request)
        for sock in sockets:
            sock.settimeout(10.0)
            assert sock.recv(64).startswith(b"HTTP/1.1 200")
    finally:
        for sock in sockets:
            sock.close()
        if thread.is_alive():
            http_server.shutdown()
        http_server.server_close()
    assert len(fake.requests) == 64


def test_64_concurrent_clients_are_all_answered(server: FakeOpenAIServer) -> None:
    client = cacheai.CacheAI(base_url=server.base_url, max_retries=0)
    barrier = threading.Barrier(64)
    answers: list[str | None] = []

    def call() -> None:
        barrier.wait()
        answers.append(client.chat.completions.create(model="gpt-4o-mini", messages=USER).choices[0].message.content)

    threads = [threading.Thread(target=call) for _ in range(64)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    client.close()
    assert len(answers) == 64 and all(answers)
    assert len(server.requests_to("/chat/completions")) == 64


def test_a_raising_reply_answers_500_with_connection_close(server: FakeOpenAIServer) -> None:
    def broken(_: object) -> str:
        raise RuntimeError("scripted failure")

    server.queue_replies(broken)
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    body = b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}'
    connection.request("POST", "/v1/chat/completions", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    assert response.status == 500
    assert response.getheader("Connection") == "close"
    connection.close()
    assert [type(e) for e in server.errors] == [RuntimeError]


def test_a_normal_request_after_a_raising_reply_succeeds_on_the_same_client(server: FakeOpenAIServer) -> None:
    def broken(_: object) -> str:
        raise RuntimeError("scripted failure")

    client = cacheai.CacheAI(base_url=server.base_url, max_retries=0)
    client.chat.completions.create(model="gpt-4o-mini", messages=USER)  # a pooled keep-alive connection
    server.queue_replies(broken)
    with pytest.raises(cacheai.InternalServerError):
        client.chat.completions.create(model="gpt-4o-mini", messages=USER)
    for _ in range(3):
        assert client.chat.completions.create(model="gpt-4o-mini", messages=USER).choices[0].message.content
    client.close()


def test_normal_responses_keep_the_connection_alive(server: FakeOpenAIServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    for _ in range(2):
        connection.request("GET", "/v1/models")
        response = connection.getresponse()
        response.read()
        assert response.status == 200 and response.getheader("Connection") is None
    connection.close()
