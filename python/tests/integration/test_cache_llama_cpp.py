"""The response cache against llama.cpp's server: a cached chat and a cached stream, replayed exactly."""

from __future__ import annotations

import pytest
from server_process import RunningServer

import cacheai
from cacheai import CacheAI

COMPAT_SERVER = "llama.cpp server"
pytestmark = pytest.mark.servers

MODEL = "tiny-llama"
GREETING = [{"role": "user", "content": "hi"}]


@pytest.mark.compat("Response cache (chat and stream replayed)")
def test_cached_chat_and_stream(llama: RunningServer) -> None:
    client = CacheAI(base_url=llama.base_url, api_key=llama.api_key, max_retries=0, cache="memory")
    first = client.chat.completions.create(model=MODEL, messages=GREETING, max_tokens=16, temperature=0)
    second = client.chat.completions.create(model=MODEL, messages=GREETING, max_tokens=16, temperature=0)
    assert not cacheai.info(first).cached and cacheai.info(second).cached
    assert second.model_dump() == first.model_dump()
    assert cacheai.info(second).cost == 0.0

    live = client.chat.completions.create(model=MODEL, messages=GREETING, max_tokens=16, temperature=0, stream=True)
    original = [chunk.model_dump() for chunk in live]
    replay = client.chat.completions.create(model=MODEL, messages=GREETING, max_tokens=16, temperature=0, stream=True)
    assert [chunk.model_dump() for chunk in replay] == original and len(original) > 2
    assert cacheai.info(replay).cached and not cacheai.info(live).cached
    assert client.cache is not None and client.cache.stats()["hits"] == 2
