"""The response cache against a real LiteLLM proxy: a cached chat and a cached stream with its usage chunk."""

from __future__ import annotations

import pytest
from server_process import LiteLLMServer

import cacheai
from cacheai import CacheAI

COMPAT_SERVER = "LiteLLM proxy"
pytestmark = pytest.mark.servers

USER = [{"role": "user", "content": "Say hello"}]


@pytest.mark.compat("Response cache (chat and stream replayed)")
def test_cached_chat_and_stream(litellm: LiteLLMServer) -> None:
    client = CacheAI(base_url=litellm.base_url, api_key=litellm.api_key, max_retries=0, cache="memory")
    first = client.chat.completions.create(model="mock-chat", messages=USER)
    second = client.chat.completions.create(model="mock-chat", messages=USER)
    assert not cacheai.info(first).cached and cacheai.info(second).cached
    assert second.model_dump() == first.model_dump()
    assert cacheai.info(second).usage is not None and cacheai.info(second).cost == 0.0

    options = {"stream": True, "stream_options": {"include_usage": True}}
    live = client.chat.completions.create(model="mock-chat", messages=USER, **options)  # type: ignore[call-overload]
    original = [chunk.model_dump() for chunk in live]
    replay = client.chat.completions.create(model="mock-chat", messages=USER, **options)  # type: ignore[call-overload]
    assert [chunk.model_dump() for chunk in replay] == original
    assert original[-1]["usage"] is not None
    assert cacheai.info(replay).cached and cacheai.info(replay).usage is not None
