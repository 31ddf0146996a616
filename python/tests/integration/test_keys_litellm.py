"""Several keys, the key check and the circuit breaker against a real LiteLLM proxy (its genuine 401 and 429)."""

from __future__ import annotations

import logging

import pytest
from server_process import LiteLLMServer

import cacheai
from cacheai import CacheAI, CircuitBreakerConfig, CircuitOpenError, KeyPool
from cacheai._keys import fingerprint

pytestmark = pytest.mark.servers

USER = [{"role": "user", "content": "Say hello"}]


def test_check_key_valid_lists_the_models(litellm: LiteLLMServer) -> None:
    result = CacheAI(base_url=litellm.base_url, api_key=litellm.api_key).check_key()
    assert result.status == "valid" and result.status_code == 200
    assert "mock-chat" in result.models and "mock-embedding" in result.models


def test_check_key_invalid_carries_litellms_message(litellm: LiteLLMServer) -> None:
    result = CacheAI(base_url=litellm.base_url, api_key="sk-wrong").check_key()
    assert result.status == "invalid" and result.status_code == 401
    assert result.message is not None and "Invalid API key" in result.message


def test_a_rejected_key_is_taken_out_and_the_call_succeeds(
    litellm: LiteLLMServer, caplog: pytest.LogCaptureFixture
) -> None:
    client = CacheAI(base_url=litellm.base_url, api_key=["sk-wrong-key-for-litellm", litellm.api_key])
    with caplog.at_level(logging.WARNING, logger="cacheai"):
        answer = client.chat.completions.create(model="mock-chat", messages=USER)  # type: ignore[arg-type]
        client.chat.completions.create(model="mock-chat", messages=USER)  # type: ignore[arg-type]
    assert answer.choices[0].message.content
    stats = client.keys.stats()
    assert stats[0].blocked and stats[0].requests == 1 and stats[1].requests == 2
    assert fingerprint("sk-wrong-key-for-litellm") in caplog.text and "sk-wrong-key-for-litellm" not in caplog.text


def test_a_genuine_429_moves_on_to_the_next_key_at_once(litellm: LiteLLMServer) -> None:
    pool = KeyPool([litellm.limited_key, litellm.metered_key], sleep=lambda s: pytest.fail(f"slept {s}s"))
    client = CacheAI(base_url=litellm.base_url, api_key=pool)
    # The limited key allows 2 requests a minute; within 6 calls it gets LiteLLM's own 429, rests until the
    # reset LiteLLM announces, and each call goes on at once on the metered key.
    for _ in range(6):
        answer = client.chat.completions.create(model="mock-chat", messages=USER)  # type: ignore[arg-type]
        assert answer.choices[0].message.content
    limited, metered = pool.stats()
    assert limited.failures >= 1 and limited.resting_until is not None
    assert metered.failures == 0 and metered.requests >= 1


def test_breaker_opens_on_genuine_server_errors_and_falls_back(litellm: LiteLLMServer) -> None:
    client = CacheAI(
        base_url=litellm.base_url,
        api_key=litellm.api_key,
        max_retries=0,
        circuit_breaker=CircuitBreakerConfig(failure_threshold=2, recovery_s=3600),
        fallback_models={"mock-server-error": ["mock-chat"]},
    )
    answers = [client.chat.completions.create(model="mock-server-error", messages=USER) for _ in range(3)]  # type: ignore[arg-type]
    assert [cacheai.info(a).model for a in answers] == ["mock-chat"] * 3
    assert client.circuits["mock-server-error"].state == "open"
    plain = client.with_options()
    plain._fallback_models = {}
    with pytest.raises(CircuitOpenError, match="mock-server-error"):
        plain.chat.completions.create(model="mock-server-error", messages=USER)  # type: ignore[arg-type]


def test_check_key_on_a_key_whose_chat_budget_is_spent(litellm: LiteLLMServer) -> None:
    client = CacheAI(base_url=litellm.base_url, api_key=litellm.limited_key, max_retries=0)
    with pytest.raises(cacheai.RateLimitError):  # the key allows 2 chat requests a minute: LiteLLM's own 429
        for _ in range(6):
            client.chat.completions.create(model="mock-chat", messages=USER)  # type: ignore[arg-type]
    # LiteLLM limits the model routes, not GET /models: the check sees a valid key, not a limited one.
    result = client.check_key()
    assert result.status == "valid" and result.status_code == 200 and not result.rate_limited
    assert "mock-chat" in result.models
