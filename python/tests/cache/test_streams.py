"""Streams: a miss streams live while recording, a clean end is stored, a hit replays the same chunks."""

from __future__ import annotations

import pytest

import cacheai
from cacheai import CacheAI
from cacheai._streaming import Stream
from cacheai.testing import FakeOpenAIServer

MESSAGES = [{"role": "user", "content": "one two three four five six"}]


def stream(client: CacheAI, **kwargs: object) -> Stream[cacheai.types.chat.ChatCompletionChunk]:
    return client.chat.completions.create(  # type: ignore[call-overload, no-any-return]
        model="m", messages=MESSAGES, stream=True, stream_options={"include_usage": True}, **kwargs
    )


def test_replayed_stream_equals_the_original_chunk_for_chunk(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory")
    live = stream(client)
    original = [chunk.model_dump() for chunk in live]
    replay = stream(client)
    assert isinstance(replay, Stream)
    with replay as s:
        replayed = [chunk.model_dump() for chunk in s]
    assert replayed == original and len(original) > 5
    assert original[-1]["usage"] is not None  # the usage chunk is replayed too
    assert len(server.requests) == 1
    record = cacheai.info(replay)
    assert record.cached and record.complete and record.usage is not None
    assert record.usage.total_tokens == original[-1]["usage"]["total_tokens"] and record.cost == 0.0
    assert not cacheai.info(live).cached


def test_replay_iterates_like_a_live_stream(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory")
    list(stream(client))
    replay = stream(client)
    first = next(replay)
    assert first.choices[0].delta.role == "assistant" or first.choices
    replay.close()
    assert list(replay) == []


@pytest.mark.parametrize(
    "faults",
    [{"cut_after": 3}, {"error_after": 2}, {"no_done": True}],
    ids=["cut", "error-event", "no-done"],
)
def test_broken_streams_are_not_stored(server: FakeOpenAIServer, faults: dict[str, object]) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory", max_retries=0)
    server.set_stream_faults(times=1, **faults)  # type: ignore[arg-type]
    try:
        list(stream(client))
    except cacheai.APIError:
        pass
    assert client.cache is not None and client.cache.stats()["entries"] == 0
    list(stream(client))
    assert client.cache.stats()["entries"] == 1
    assert cacheai.info(stream(client)).cached is True


def test_an_abandoned_stream_is_not_stored(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory")
    live = stream(client)
    next(live)
    live.close()
    with stream(client) as again:
        next(again)
    assert client.cache is not None and client.cache.stats()["entries"] == 0
    assert len(server.requests) == 2


def test_stream_and_plain_answers_do_not_share(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory")
    list(stream(client))
    plain = client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]
    assert not cacheai.info(plain).cached
    assert len(server.requests) == 2
