"""Embeddings cached per input item: partial hits send only the misses; order, index and usage are right."""

from __future__ import annotations

import cacheai
from cacheai import CacheAI
from cacheai.testing import FakeOpenAIServer


def embed(client: CacheAI, items: list[str] | str, **kwargs: object) -> cacheai.types.CreateEmbeddingResponse:
    return client.embeddings.create(model="e", input=items, **kwargs)  # type: ignore[arg-type]


def test_partial_hits_send_only_the_misses(server: FakeOpenAIServer) -> None:
    plain = CacheAI(base_url=server.base_url)
    expected = {text: embed(plain, text).data[0].embedding for text in ["a", "b", "c", "d"]}
    server.clear_requests()
    client = CacheAI(base_url=server.base_url, cache="memory")
    embed(client, ["b", "d"])
    mixed = embed(client, ["a", "b", "c", "d"])
    assert [r.body["input"] for r in server.requests] == [["b", "d"], ["a", "c"]]
    assert [d.index for d in mixed.data] == [0, 1, 2, 3]
    assert [d.embedding for d in mixed.data] == [expected[t] for t in "abcd"]
    assert not cacheai.info(mixed).cached
    all_hits = embed(client, ["d", "a"])
    assert len(server.requests) == 2
    assert mixed.usage.prompt_tokens == embed(plain, ["a", "c"]).usage.prompt_tokens
    assert cacheai.info(all_hits).cached and all_hits.usage.prompt_tokens == 0
    assert [d.embedding for d in all_hits.data] == [expected["d"], expected["a"]]
    assert [d.index for d in all_hits.data] == [0, 1]
    assert cacheai.info(embed(client, "c")).cached


def test_usage_is_what_was_sent(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory")
    full = embed(client, ["one two", "three"])
    embed(client, ["one two"], dimensions=8)
    partial = embed(client, ["one two", "four five six"])
    sent_alone = embed(CacheAI(base_url=server.base_url), ["four five six"])
    assert partial.usage.prompt_tokens == sent_alone.usage.prompt_tokens < full.usage.prompt_tokens + 3


def test_item_keys_include_dimensions_and_format(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, cache="memory")
    embed(client, ["x"])
    embed(client, ["x"], dimensions=8)
    embed(client, ["x"], encoding_format="float")
    assert len(server.requests) == 3
    assert len(embed(client, ["x"], dimensions=8).data[0].embedding) == 8
    assert len(server.requests) == 3
