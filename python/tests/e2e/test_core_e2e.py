"""The core client against a real HTTP server on 127.0.0.1 (cacheai's fake OpenAI server), not mocks."""

from __future__ import annotations

import threading
import time

import pytest

import cacheai
from cacheai import CacheAI, RetryPolicy, Timeout
from cacheai.testing import FakeOpenAIServer, Reply
from cacheai.types.chat import ChatCompletion, ChatCompletionChunk

MESSAGES = [{"role": "user", "content": "hello there"}]


@pytest.fixture
def client(server: FakeOpenAIServer):
    fast = RetryPolicy(base_delay=0.001, max_delay=0.002)
    with CacheAI(base_url=server.base_url, retry_policy=fast, timeout=Timeout(10, connect=5)) as c:
        yield c


def test_chat_completion_round_trip(client: CacheAI, server: FakeOpenAIServer) -> None:
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, temperature=0)
    assert isinstance(completion, ChatCompletion)
    assert completion.choices[0].message.content == "Echo: hello there"
    assert completion.usage is not None and completion.usage.total_tokens > 0
    assert completion._request_id is not None and completion._request_id.startswith("req_")
    sent = server.last_request
    assert sent.path.endswith("/chat/completions")
    assert sent.json() == {"model": "gpt-4o-mini", "messages": MESSAGES, "temperature": 0}
    assert "authorization" not in sent.headers  # no key needed for a local server
    assert sent.headers["user-agent"] == f"CacheAI/Python {cacheai.__version__}"
    assert not [h for h in sent.headers if h.startswith("x-stainless")]


def test_api_key_is_sent_and_checked() -> None:
    with FakeOpenAIServer(api_key="sk-test") as fake:
        with CacheAI(base_url=fake.base_url, api_key="sk-test") as good:
            assert good.models.list().data
        with CacheAI(base_url=fake.base_url, api_key="wrong", max_retries=0) as bad:
            with pytest.raises(cacheai.AuthenticationError) as info:
                bad.models.list()
    assert info.value.status_code == 401
    assert "sk-test" not in str(info.value) and "wrong" not in str(info.value)


def test_stream_yields_typed_chunks_and_reuses_the_connection(client: CacheAI, server: FakeOpenAIServer) -> None:
    for _ in range(3):
        with client.chat.completions.create(
            model="m", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
        ) as stream:
            chunks = list(stream)
        assert all(isinstance(c, ChatCompletionChunk) for c in chunks)
        text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
        assert text == "Echo: hello there"
        assert chunks[-1].choices == [] and chunks[-1].usage is not None
    assert len(server.requests) == 3
    assert _connections_opened(client, server) == 1  # every finished stream handed its connection back


def test_break_then_close_releases_the_connection(client: CacheAI, server: FakeOpenAIServer) -> None:
    server.set_reply("one two three four five six seven eight")
    stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            break
    stream.close()
    assert stream.response.raw.closed or stream.response.raw.isclosed()
    # The client keeps working after an abandoned stream.
    assert client.chat.completions.create(model="m", messages=MESSAGES).choices


def test_stream_cut_mid_way_raises_connection_error(client: CacheAI, server: FakeOpenAIServer) -> None:
    server.set_reply("a b c d e f g h")
    server.set_stream_faults(cut_after=3)
    received = []
    with pytest.raises(cacheai.APIConnectionError) as info:
        for chunk in client.chat.completions.create(model="m", messages=MESSAGES, stream=True):
            received.append(chunk)
    assert not isinstance(info.value, cacheai.APITimeoutError)
    assert 0 < len(received) <= 3  # what arrived was delivered; the break was not hidden


def test_stalled_stream_raises_timeout_instead_of_hanging(server: FakeOpenAIServer) -> None:
    server.set_reply("a b c d e f g h")
    server.set_stream_faults(stall_after=2, stall_timeout=30)
    client = CacheAI(base_url=server.base_url, timeout=Timeout(0.5, connect=5), max_retries=0)
    started = time.monotonic()
    with pytest.raises(cacheai.APITimeoutError):
        for _ in client.chat.completions.create(model="m", messages=MESSAGES, stream=True):
            pass
    assert time.monotonic() - started < 25  # bounded by the read timeout, not the server's stall
    client.close()


def test_slow_server_times_out_then_retries(server: FakeOpenAIServer) -> None:
    server.set_latency(1.0)
    client = CacheAI(
        base_url=server.base_url,
        timeout=0.2,
        max_retries=1,
        retry_policy=RetryPolicy(base_delay=0.001, max_delay=0.001),
    )
    with pytest.raises(cacheai.APITimeoutError) as info:
        client.models.list()
    assert info.value.__cause__ is not None
    client.close()


def test_in_stream_error_event_raises_typed_error(client: CacheAI, server: FakeOpenAIServer) -> None:
    server.set_reply("a b c d e f")
    server.set_stream_faults(
        error_after=2, error={"message": "upstream overloaded", "type": "server_error", "code": "overloaded"}
    )
    with pytest.raises(cacheai.APIError) as info:
        list(client.chat.completions.create(model="m", messages=MESSAGES, stream=True))
    assert info.value.message == "upstream overloaded"
    assert info.value.code == "overloaded" and info.value.type == "server_error"


def test_keepalive_comments_and_missing_done_are_tolerated(client: CacheAI, server: FakeOpenAIServer) -> None:
    server.set_stream_faults(keepalive_comments=True, no_done=True)
    chunks = list(client.chat.completions.create(model="m", messages=MESSAGES, stream=True))
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "Echo: hello there"


def test_empty_200_stream_raises(client: CacheAI, server: FakeOpenAIServer) -> None:
    server.set_stream_faults(empty=True)
    with pytest.raises(cacheai.APIError, match="without sending any data"):
        list(client.chat.completions.create(model="m", messages=MESSAGES, stream=True))


def test_retries_429_then_succeeds(client: CacheAI, server: FakeOpenAIServer) -> None:
    server.fail_next(2, status=429, headers={"retry-after-ms": "1"}, message="slow down")
    raw = client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES)
    assert raw.retries_taken == 2
    assert raw.status_code == 200 and raw.headers.get("x-request-id")
    assert raw.parse().choices[0].message.content == "Echo: hello there"
    assert len(server.requests) == 3


def test_exhausted_retries_raise_the_last_status_error(client: CacheAI, server: FakeOpenAIServer) -> None:
    server.fail_next(5, status=503, message="try later", code="overloaded")
    with pytest.raises(cacheai.InternalServerError) as info:
        client.chat.completions.create(model="m", messages=MESSAGES)
    assert str(info.value) == "Error code: 503 - try later"
    assert info.value.code == "overloaded"
    assert len(server.requests) == 3  # max_retries=2 -> three attempts


def test_connection_refused_is_a_connection_error() -> None:
    with FakeOpenAIServer() as fake:
        url = fake.base_url
    client = CacheAI(base_url=url, max_retries=1, retry_policy=RetryPolicy(base_delay=0.001, max_delay=0.001))
    with pytest.raises(cacheai.APIConnectionError) as info:
        client.models.list()
    assert str(info.value) == "Connection error."
    client.close()


def test_one_client_shared_by_threads(client: CacheAI, server: FakeOpenAIServer) -> None:
    errors: list[BaseException] = []
    results: list[str] = []

    def work(i: int) -> None:
        try:
            for _ in range(5):
                reply = client.chat.completions.create(model="m", messages=[{"role": "user", "content": f"t{i}"}])
                results.append(reply.choices[0].message.content or "")
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(results) == sorted(f"Echo: t{i}" for i in range(8) for _ in range(5))


def test_with_options_shares_the_pool_and_overrides(client: CacheAI, server: FakeOpenAIServer) -> None:
    copy = client.with_options(default_headers={"X-Team": "search"}, max_retries=0)
    assert copy.http_client is client.http_client
    server.fail_next(1, status=500)
    with pytest.raises(cacheai.InternalServerError):
        copy.models.list()
    copy.models.list()
    assert server.last_request.headers["x-team"] == "search"


def test_scripted_tool_call_round_trip(client: CacheAI, server: FakeOpenAIServer) -> None:
    server.queue_replies(Reply.tool_call("get_weather", {"city": "Paris"}))
    tools = [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}]
    first = client.chat.completions.create(model="m", messages=MESSAGES, tools=tools)
    call = first.choices[0].message.tool_calls[0]
    assert call.function.name == "get_weather" and call.function.arguments == '{"city": "Paris"}'
    # The assistant message object goes straight back into the conversation, as with openai.
    follow_up = [*MESSAGES, first.choices[0].message, {"role": "tool", "tool_call_id": call.id, "content": "sunny"}]
    second = client.chat.completions.create(model="m", messages=follow_up, tools=tools)
    assert second.choices[0].message.content == "The get_weather tool returned: sunny"
    assert server.last_request.json()["messages"][1]["tool_calls"][0]["id"] == call.id


def _connections_opened(client: CacheAI, server: FakeOpenAIServer) -> int:
    """How many TCP connections the client's pool has opened to the server so far."""
    manager = client.http_client.get_adapter(server.base_url).poolmanager
    keys = manager.pools.keys()  # urllib3's pool container is not iterable itself
    pools = [manager.pools[key] for key in keys]
    return sum(int(pool.num_connections) for pool in pools if pool.port == server.port)


def test_plain_requests_reuse_one_connection(client: CacheAI, server: FakeOpenAIServer) -> None:
    for _ in range(5):
        client.chat.completions.create(model="m", messages=MESSAGES)
        client.models.list()
    assert _connections_opened(client, server) == 1


def test_server_holding_the_stream_open_after_done_does_not_block() -> None:
    """[DONE] ends the stream at once even if the server never ends the HTTP body (bounded drain)."""
    import socket

    release = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            chunk = b'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}\n\n'
            done = b"data: [DONE]\n\n"
            head = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
            body = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (chunk, done))
            conn.sendall(head + body)  # ...and no terminating zero-length chunk
            release.wait(30)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        client = CacheAI(base_url=f"http://127.0.0.1:{port}/v1", timeout=Timeout(30, connect=5), max_retries=0)
        started = time.monotonic()
        chunks = list(client.chat.completions.create(model="m", messages=MESSAGES, stream=True))
        elapsed = time.monotonic() - started
        assert len(chunks) == 1
        assert elapsed < 10  # not the 30 s read timeout: the drain after [DONE] gives up quickly
        client.close()
    finally:
        release.set()
        thread.join(5)
        listener.close()
