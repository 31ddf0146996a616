"""The differences from openai that cacheai makes on purpose (README, "Compatibility with openai").

The main differential suite does not compare these; here each one is pinned down exactly, so that an
exclusion can never hide an accidental difference.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import openai
import pytest
from differential_harness import API_KEY, Scenario, run, sse
from recording_server import RecordingServer, Reply
from scenarios import USER, chat, chat_completion, chunk

import cacheai


@pytest.fixture(scope="module")
def server() -> Iterator[RecordingServer]:
    recording = RecordingServer().start()
    yield recording
    recording.stop()


def raw_headers(server: RecordingServer, client: openai.OpenAI | cacheai.CacheAI) -> dict[str, str]:
    server.script([Reply(json=chat_completion())])
    client.chat.completions.create(model="m", messages=USER)  # type: ignore[arg-type]
    return server.records[-1].headers


def test_no_telemetry_headers_and_own_user_agent(server: RecordingServer) -> None:
    openai_headers = raw_headers(server, openai.OpenAI(api_key=API_KEY, base_url=f"{server.url}/v1"))
    cacheai_headers = raw_headers(server, cacheai.CacheAI(api_key=API_KEY, base_url=f"{server.url}/v1"))

    assert any(name.startswith("x-stainless-") for name in openai_headers)
    assert not any(name.startswith("x-stainless-") for name in cacheai_headers)
    assert openai_headers["user-agent"] == f"OpenAI/Python {openai.__version__}"
    assert cacheai_headers["user-agent"] == f"CacheAI/Python {cacheai.VERSION}"


def test_no_key_needed_for_a_local_server(server: RecordingServer, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "CACHEAI_API_KEY", "OPENAI_ADMIN_KEY"):
        monkeypatch.delenv(name, raising=False)

    with pytest.raises(openai.OpenAIError, match="Missing credentials"):
        openai.OpenAI(base_url=f"{server.url}/v1")
    headers = raw_headers(server, cacheai.CacheAI(base_url=f"{server.url}/v1"))
    assert "authorization" not in headers


def test_empty_200_stream_raises_instead_of_ending_quietly(server: RecordingServer) -> None:
    scenario = Scenario("empty stream", lambda c: chat(c, stream=True), [Reply(sse=())])
    expected, actual = run(server, scenario, openai.OpenAI), run(server, scenario, cacheai.CacheAI)

    assert actual.requests == expected.requests
    assert expected.result == {"stream": []}
    raised = actual.result["stream"][-1]["raised"]
    assert raised["class"] == "APIError" and "empty body" in raised["message"]


def test_error_event_raises(server: RecordingServer) -> None:
    error_event = 'event: error\ndata: {"message": "overloaded", "type": "server_error"}\n\n'
    scenario = Scenario(
        "event: error", lambda c: chat(c, stream=True), [Reply(sse=sse(chunk({"content": "a"}), error_event))]
    )
    expected, actual = run(server, scenario, openai.OpenAI), run(server, scenario, cacheai.CacheAI)

    assert actual.requests == expected.requests
    assert actual.result["stream"][0] == expected.result["stream"][0]  # the chunk before the error is the same
    assert "raised" not in expected.result["stream"][-1]  # openai yields the error event as a chunk
    raised = actual.result["stream"][-1]["raised"]
    assert raised["class"] == "APIError" and raised["message"] == "overloaded"


def test_base_url_query_is_kept_on_every_request(server: RecordingServer) -> None:
    """openai breaks a base URL with a query string (the path is appended after the query); cacheai sends the
    query with every request, like ``default_query``, and appends paths to the URL's path."""
    base_url = f"{server.url}/v1?api-version=2024-01-01&key=secret"
    for client_class in (openai.OpenAI, cacheai.CacheAI):
        server.script([Reply(json=chat_completion()), Reply(json={"object": "list", "data": []})])
        with client_class(api_key=API_KEY, base_url=base_url, max_retries=0) as client:
            try:
                client.chat.completions.create(model="m", messages=USER)  # type: ignore[arg-type]
                client.models.list(extra_query={"limit": 2})
            except openai.APIError:
                pass
        seen = [(record.method, record.path, record.query) for record in server.records]
        if client_class is openai.OpenAI:
            assert all(path != "/v1/chat/completions" for _, path, _ in seen)
        else:
            query = (("api-version", "2024-01-01"), ("key", "secret"))
            assert seen == [
                ("POST", "/v1/chat/completions", query),
                ("GET", "/v1/models", (*query, ("limit", "2"))),
            ]


def test_base_url_query_values_are_never_in_repr() -> None:
    client = cacheai.CacheAI(api_key=API_KEY, base_url="https://gw.example/v1?api-version=2024-01-01&key=secret")
    assert "secret" not in repr(client) and "2024" not in repr(client)
    assert repr(client) == "<CacheAI base_url='https://gw.example/v1/?...'>"
    assert client.base_url == "https://gw.example/v1/?api-version=2024-01-01&key=secret"
    copy = client.with_options(timeout=5)
    assert copy.base_url == client.base_url and "secret" not in repr(copy)
    assert client.with_options(default_query={"key": "other"}).default_query == {"key": "other"}


def test_wrong_typed_values_are_refused_not_reshaped(server: RecordingServer) -> None:
    """openai turns bytes given for ``messages`` into a list of ints and sends a generator given for a query
    parameter as its repr; cacheai refuses both with a TypeError naming the parameter and sends nothing. A string
    given for ``messages`` is sent unchanged by both."""
    server.script([Reply(status=400, json={"error": {"message": "bad"}})] * 2)
    with openai.OpenAI(api_key=API_KEY, base_url=f"{server.url}/v1", max_retries=0) as client:
        with pytest.raises(openai.BadRequestError):
            client.chat.completions.create(model="m", messages=b"hi")  # type: ignore[arg-type]
        with pytest.raises(openai.BadRequestError):
            client.chat.completions.list(limit=(n for n in [1]))  # type: ignore[arg-type]
    assert json.loads(server.records[0].body) == {"messages": [104, 105], "model": "m"}
    assert "generator" in dict(server.records[1].query)["limit"]

    server.script([Reply(status=400, json={"error": {"message": "bad"}})])
    with cacheai.CacheAI(api_key=API_KEY, base_url=f"{server.url}/v1", max_retries=0) as ours:
        with pytest.raises(TypeError, match="`messages`"):
            ours.chat.completions.create(model="m", messages=b"hi")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="`limit`"):
            ours.chat.completions.list(limit=(n for n in [1]))  # type: ignore[arg-type]
        assert server.records == []
        with pytest.raises(cacheai.BadRequestError):
            ours.chat.completions.create(model="m", messages="not-a-list")  # type: ignore[arg-type]
    assert json.loads(server.records[0].body) == {"messages": "not-a-list", "model": "m"}
