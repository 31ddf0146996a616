"""Conversation sessions against the fake server: send, stream, tools, trimming, stores across processes."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import cacheai
from cacheai import CacheAI
from cacheai.sessions import SessionNotFoundError, SQLiteSessionStore, estimate_tokens, trim_history
from cacheai.testing import FakeOpenAIServer, Reply, ToolCall


def _client(server: FakeOpenAIServer, **kwargs: Any) -> CacheAI:
    return CacheAI(
        base_url=server.base_url, max_retries=0, prices={"gpt-4o-mini": {"input": 1.0, "output": 2.0}}, **kwargs
    )


def test_send_appends_both_messages_and_sends_the_history(server: FakeOpenAIServer) -> None:
    client = _client(server)
    session = client.sessions.create(system="You are terse.", model="gpt-4o-mini", temperature=0.5)
    server.queue_replies("Hi there.", "Blue.")
    first = session.send("Hello")
    assert isinstance(first, cacheai.ModelResponse) and first.content == "Hi there."
    session.send("Sky colour?")
    assert session.messages == [
        {"role": "system", "content": "You are terse."},
        {"role": "user", "content": "Hello"},
        {"role": "assistant", "content": "Hi there."},
        {"role": "user", "content": "Sky colour?"},
        {"role": "assistant", "content": "Blue."},
    ]
    body = server.last_request.json()
    assert body["messages"] == session.messages[:4]
    assert body["temperature"] == 0.5 and body["model"] == "gpt-4o-mini"
    usage = session.usage
    assert usage.total_tokens > 0 and usage.prompt_tokens + usage.completion_tokens == usage.total_tokens
    assert session.cost is not None and session.cost > 0
    assert session.id.startswith("sess_") and client.sessions.list() == [session.id]


def test_stream_yields_text_and_appends_the_whole_reply(server: FakeOpenAIServer) -> None:
    client = _client(server)
    session = client.sessions.create(system="s", model="gpt-4o-mini")
    server.set_reply("one two three four")
    parts = list(session.stream("count"))
    assert len(parts) > 1 and "".join(parts) == "one two three four"
    assert session.messages[-1] == {"role": "assistant", "content": "one two three four"}
    assert session.usage.completion_tokens > 0


def test_a_stream_that_breaks_leaves_the_history_unchanged(server: FakeOpenAIServer) -> None:
    client = _client(server)
    session = client.sessions.create(system="s", model="gpt-4o-mini")
    session.send("first")
    before = session.messages
    server.set_reply("one two three four five six")
    server.set_stream_faults(cut_after=2, times=1)
    received: list[str] = []
    with pytest.raises(cacheai.APIConnectionError):
        for part in session.stream("second"):
            received.append(part)
    assert received  # some text arrived before the break
    assert session.messages == before
    assert client.sessions.get(session.id).messages == before
    # A stream the caller abandons is not appended either.
    stream = session.stream("third")
    next(stream)
    stream.close()
    assert session.messages == before


def test_tool_calls_and_results(server: FakeOpenAIServer) -> None:
    client = _client(server)
    session = client.sessions.create(model="gpt-4o-mini")
    server.queue_replies(Reply(tool_calls=(ToolCall("weather", {"city": "Kyiv"}, id="call_1"),)), "It is sunny.")
    reply = session.send("Weather in Kyiv?")
    assert reply.content is None
    call = session.messages[-1]["tool_calls"][0]
    assert call["id"] == "call_1" and json.loads(call["function"]["arguments"]) == {"city": "Kyiv"}
    session.add_tool_result("call_1", {"sky": "clear"})
    assert session.messages[-1] == {"role": "tool", "tool_call_id": "call_1", "content": '{"sky": "clear"}'}
    answer = session.send(None)
    assert answer.content == "It is sunny."
    assert [m["role"] for m in server.last_request.json()["messages"]] == ["user", "assistant", "tool"]
    with pytest.raises(ValueError, match="no assistant tool call"):
        session.add_tool_result("call_2", "x")


def test_trimming_drops_the_oldest_turns_and_keeps_the_system_message(server: FakeOpenAIServer) -> None:
    client = _client(server)
    session = client.sessions.create(system="system prompt", model="gpt-4o-mini", max_history_tokens=60)
    server.set_reply("a reply of some forty characters or so..")
    for index in range(6):
        session.send(f"question number {index}: " + "x" * 40)
    messages = session.messages
    assert messages[0] == {"role": "system", "content": "system prompt"}
    assert sum(estimate_tokens(m) for m in messages) <= 60
    assert messages[-2]["content"].startswith("question number 5")
    assert "question number 0" not in json.dumps(messages)
    sent = server.last_request.json()["messages"]
    assert sent[0]["role"] == "system" and sent[-1]["content"].startswith("question number 5")


def test_trim_history_keeps_the_last_turn_whatever_the_budget() -> None:
    history = [
        {"role": "system", "content": "s"},
        {"role": "user", "content": "a" * 400},
        {"role": "assistant", "content": "b"},
        {"role": "user", "content": "c" * 400},
    ]
    assert trim_history(history, 1) == [history[0], history[3]]
    assert trim_history(history, 10_000) == history


def test_get_delete_and_errors(server: FakeOpenAIServer) -> None:
    client = _client(server)
    session = client.sessions.create(system="s", model="gpt-4o-mini", id="mine")
    session.send("hi")
    again = client.with_options(timeout=5).sessions.get("mine")  # copies share the store
    assert again.messages == session.messages and again.usage == session.usage
    with pytest.raises(ValueError, match="already exists"):
        client.sessions.create(id="mine")
    assert client.sessions.delete("mine") is True
    assert client.sessions.delete("mine") is False
    with pytest.raises(SessionNotFoundError):
        client.sessions.get("mine")
    with pytest.raises(TypeError, match="messages"):
        client.sessions.create(messages=[])
    with pytest.raises(ValueError, match="sessions="):
        CacheAI(base_url=server.base_url, sessions="ftp://nope").sessions  # noqa: B018


_CONTINUE = """
import sys
from cacheai import CacheAI
client = CacheAI(base_url=sys.argv[1], sessions=sys.argv[2])
session = client.sessions.get(sys.argv[3])
reply = session.send("And now?")
print(len(session.messages), reply.content)
"""


def _continue_in_another_process(base_url: str, store_url: str, session_id: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", _CONTINUE, base_url, store_url, session_id],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_sqlite_store_continues_in_a_new_process(server: FakeOpenAIServer, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sessions.db'}"
    client = _client(server, sessions=url)
    session = client.sessions.create(system="s", model="gpt-4o-mini")
    server.queue_replies("first answer", "second answer")
    session.send("Hello")
    assert _continue_in_another_process(server.base_url, url, session.id) == "5 second answer"
    session.refresh()
    assert [m["content"] for m in session.messages] == ["s", "Hello", "first answer", "And now?", "second answer"]
    assert server.last_request.json()["messages"][:3] == session.messages[:3]
    store = SQLiteSessionStore(tmp_path / "sessions.db")
    assert store.ids() == [session.id]
    store.close()


def test_redis_store_continues_in_a_new_process(server: FakeOpenAIServer, redis_server: Any) -> None:
    client = _client(server, sessions=redis_server.url)
    session = client.sessions.create(system="s", model="gpt-4o-mini")
    server.queue_replies("first answer", "second answer")
    session.send("Hello")
    assert _continue_in_another_process(server.base_url, redis_server.url, session.id) == "5 second answer"
    reloaded = CacheAI(base_url=server.base_url, sessions=redis_server.url).sessions.get(session.id)
    assert reloaded.messages[-1] == {"role": "assistant", "content": "second answer"}
    assert client.sessions.list() == [session.id]
    assert client.sessions.delete(session.id) and client.sessions.list() == []


def test_a_failing_redis_never_fails_a_turn(
    server: FakeOpenAIServer, own_redis_server: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = _client(server, sessions=own_redis_server.url)
    session = client.sessions.create(system="s", model="gpt-4o-mini")
    own_redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="cacheai"):
        assert session.send("while redis is down").content == "Echo: while redis is down"
        session.send("still down")
    assert session.save_failures == 2 and len(session.messages) == 5
    assert sum("could not be saved" in r.getMessage() for r in caplog.records) == 1  # one warning
    own_redis_server.start()
    session.send("back")
    assert session.save_failures == 0
    fresh = CacheAI(base_url=server.base_url, sessions=own_redis_server.url).sessions.get(session.id)
    assert fresh.messages == session.messages and len(fresh.messages) == 7


@pytest.mark.parametrize("store", ["sqlite", "redis"])
def test_sessions_live_in_the_caches_store_when_no_sessions_store_is_given(
    server: FakeOpenAIServer, tmp_path: Path, redis_server: Any, store: str
) -> None:
    cache_url = f"sqlite:///{tmp_path / 'cache.db'}" if store == "sqlite" else redis_server.url
    client = _client(server, cache=cache_url)
    session = client.sessions.create(system="s", model="gpt-4o-mini")
    server.queue_replies("first answer")
    session.send("Hello")
    # Another client (as in another process) with the same cache finds the session by its id alone.
    again = _client(server, cache=cache_url).sessions.get(session.id)
    assert [m["content"] for m in again.messages] == ["s", "Hello", "first answer"]
    assert _client(server).sessions.list() == []  # no cache, no store given: memory, not shared


def test_an_explicit_sessions_store_wins_over_the_cache(server: FakeOpenAIServer, tmp_path: Path) -> None:
    client = _client(server, cache=f"sqlite:///{tmp_path / 'cache.db'}", sessions="memory")
    session = client.sessions.create(system="s", model="gpt-4o-mini")
    assert _client(server, cache=f"sqlite:///{tmp_path / 'cache.db'}").sessions.list() == []
    assert client.sessions.list() == [session.id]
