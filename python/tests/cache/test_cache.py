"""The response cache against the fake server: hits, what is stored and what is not, controls, TTL."""

from __future__ import annotations

import logging
import threading

import pytest

import cacheai
from cacheai import CacheAI
from cacheai.cache import CacheConfig, CacheControl, CacheLayer, MemoryCache
from cacheai.testing import FakeOpenAIServer

from .conftest import Clock

MESSAGES = [{"role": "user", "content": "hello there"}]


def chat(client: CacheAI, **kwargs: object) -> cacheai.types.chat.ChatCompletion:
    return client.chat.completions.create(model="m", messages=MESSAGES, **kwargs)  # type: ignore[arg-type]


def test_second_call_is_a_hit_with_the_originals_usage_and_no_cost(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory", prices={"m": {"input": 1.0, "output": 2.0}})
    first = chat(client)
    second = chat(client)
    assert len(server.requests) == 1
    assert second.model_dump() == first.model_dump()
    miss, hit = cacheai.info(first), cacheai.info(second)
    assert (miss.cached, hit.cached) == (False, True)
    assert hit.cache_key == miss.cache_key and len(hit.cache_key or "") == 64
    assert hit.usage is not None and miss.usage is not None
    assert hit.usage.total_tokens == miss.usage.total_tokens
    assert hit.cost == 0.0 and (miss.cost or 0) > 0
    assert client.cache is not None
    assert client.cache.stats()["hits"] == 1 and client.cache.stats()["stores"] == 1


def test_cache_off_by_default_and_env(server: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CACHEAI_CACHE", raising=False)
    assert CacheAI(base_url=server.base_url).cache is None
    monkeypatch.setenv("CACHEAI_CACHE", "memory")
    client = CacheAI(base_url=server.base_url)
    assert isinstance(client.cache, CacheLayer)
    chat(client)
    chat(client)
    assert len(server.requests) == 1
    assert CacheAI(base_url=server.base_url, cache=False).cache is None


def test_accepted_specs(tmp_path: object) -> None:
    assert isinstance(CacheAI(base_url="http://x/v1", cache=True).cache, CacheLayer)
    store = MemoryCache()
    assert CacheAI(base_url="http://x/v1", cache=store).cache.store is store  # type: ignore[union-attr]
    config = CacheConfig(ttl=5)
    assert CacheAI(base_url="http://x/v1", cache=config).cache.config is config  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="Unknown cache"):
        CacheAI(base_url="http://x/v1", cache="memcached://x")


def test_different_requests_do_not_share(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory")
    chat(client)
    chat(client, temperature=0.5)
    chat(client, extra_body={"top_k": 3})
    chat(client, extra_headers={"X-Tenant": "a"})
    client.with_options(organization="org-2").chat.completions.create(model="m", messages=MESSAGES)
    assert len(server.requests) == 5
    # An API key change alone shares entries (the default), an extra header's order does not matter.
    CacheAI(base_url=server.base_url, api_key="other", cache=client.cache)
    chat(client, extra_headers={"X-Tenant": "a"})
    assert len(server.requests) == 5


def test_scope_by_api_key(server: FakeOpenAIServer) -> None:
    store = MemoryCache()
    config = CacheConfig(scope_by_api_key=True)
    chat(CacheAI(base_url=server.base_url, api_key="k1", cache=CacheLayer(store, config)))
    chat(CacheAI(base_url=server.base_url, api_key="k1", cache=CacheLayer(store, config)))
    chat(CacheAI(base_url=server.base_url, api_key="k2", cache=CacheLayer(store, config)))
    assert len(server.requests) == 2
    for key in store._entries:
        assert b"k1" not in store._entries[key][0] and b"k2" not in store._entries[key][0]


def test_errors_and_unparseable_bodies_are_not_stored(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory", max_retries=0)
    server.fail_next(status=500)
    with pytest.raises(cacheai.InternalServerError):
        chat(client)
    server.respond_next(body=b"not json")
    with pytest.raises(cacheai.APIResponseValidationError):
        chat(client)
    chat(client)
    chat(client)
    assert len(server.requests) == 3
    assert client.cache is not None and client.cache.stats()["stores"] == 1


def test_only_cached_endpoints(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory")
    client.models.list()
    client.models.list()
    client.batches.list()
    assert len(server.requests) == 3
    assert client.cache is not None and client.cache.stats()["entries"] == 0


def test_deterministic_only(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache=CacheConfig(deterministic_only=True))
    chat(client, temperature=0.7)
    chat(client, temperature=0.7)
    chat(client, temperature=0)
    chat(client, temperature=0)
    chat(client, seed=1)
    chat(client, seed=1)
    assert len(server.requests) == 4


def test_ignore_params(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache=CacheConfig(ignore_params=frozenset({"user", "metadata"})))
    chat(client, user="a")
    chat(client, user="b", metadata={"run": "2"})
    assert len(server.requests) == 1


def test_ttl_expiry_with_an_injected_clock(server: FakeOpenAIServer) -> None:
    clock = Clock()
    client = CacheAI(base_url=server.base_url, cache=CacheConfig(ttl=60, clock=clock))
    chat(client)
    clock.now += 59
    assert cacheai.info(chat(client)).cached
    clock.now += 2
    assert not cacheai.info(chat(client)).cached
    assert len(server.requests) == 2
    assert cacheai.info(chat(client)).cached  # the refreshed entry


def test_per_call_controls(server: FakeOpenAIServer) -> None:
    clock = Clock()
    client = CacheAI(base_url=server.base_url, cache=CacheConfig(clock=clock))
    chat(client, cache="no-store")
    assert len(server.requests) == 1 and client.cache is not None and client.cache.stats()["entries"] == 0
    chat(client)
    assert cacheai.info(chat(client)).cached
    assert not cacheai.info(chat(client, cache="bypass")).cached
    server.set_reply("fresh answer")
    refreshed = chat(client, cache="refresh")
    assert not cacheai.info(refreshed).cached
    again = chat(client)
    assert cacheai.info(again).cached and again.choices[0].message.content == "fresh answer"
    clock.now += 100
    assert not cacheai.info(chat(client, cache=CacheControl(max_age=50))).cached
    assert cacheai.info(chat(client.with_options(cache={"max_age": 1000}))).cached
    assert not cacheai.info(chat(client.with_options(cache="bypass"))).cached
    assert client.with_options(cache="refresh").cache is not client.cache
    assert client.with_options(timeout=3).cache is client.cache
    assert len(server.requests) == 6


def test_get_update_delete_clear(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory")
    key = cacheai.info(chat(client)).cache_key
    assert client.cache is not None and key is not None
    entry = client.cache.get(key)
    assert entry is not None and entry["request"]["model"] == "m" and entry["request"]["path"] == "/v1/chat/completions"
    answer = __import__("json").loads(entry["body"])
    answer["choices"][0]["message"]["content"] = "corrected"
    client.cache.update(key, output=answer)
    assert chat(client).choices[0].message.content == "corrected"
    assert client.cache.delete(key) is True and client.cache.delete(key) is False
    chat(client)
    assert client.cache.clear() == 1
    assert len(server.requests) == 2
    with pytest.raises(KeyError):
        client.cache.update("nope", output="x")


def test_n_and_tool_calls_are_stored_whole(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory")
    tools = [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}]
    first = chat(client, n=3, tools=tools)
    second = chat(client, n=3, tools=tools)
    assert cacheai.info(second).cached and second.model_dump() == first.model_dump()
    assert len(second.choices) == 3 and second.choices[0].message.tool_calls


def test_eight_threads_on_one_key(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory")
    chat(client)
    results: list[bool] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        for _ in range(10):
            results.append(cacheai.info(chat(client)).cached)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 80 and len(server.requests) == 1
    assert client.cache is not None and client.cache.stats()["hits"] == 80


class BrokenStore(MemoryCache):
    def __init__(self) -> None:
        super().__init__()
        self.broken = True

    def get(self, key: str):  # type: ignore[no-untyped-def]
        if self.broken:
            raise OSError("disk gone")
        return super().get(key)

    def set(self, key, entry, ttl=None):  # type: ignore[no-untyped-def]
        if self.broken:
            raise OSError("disk gone")
        super().set(key, entry, ttl)


def test_a_failing_store_never_fails_a_call(server: FakeOpenAIServer, caplog: pytest.LogCaptureFixture) -> None:
    store = BrokenStore()
    client = CacheAI(base_url=server.base_url, cache=store)
    with caplog.at_level(logging.WARNING, logger="cacheai"):
        for _ in range(3):
            chat(client)
    assert len(server.requests) == 3
    assert len([r for r in caplog.records if "store failed" in r.message]) == 1
    assert client.cache is not None and client.cache.stats()["errors"] == 6
    store.broken = False
    chat(client)
    assert cacheai.info(chat(client)).cached
