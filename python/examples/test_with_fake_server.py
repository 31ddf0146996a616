"""Testing your own code with cacheai's pytest fixtures: no network, no bill, no mocks of internals.

The plugin is registered when cacheai is installed:
    pytest examples/test_with_fake_server.py
"""

import pytest

import cacheai
from cacheai.testing import FakeOpenAIServer, Reply


def summarize(client: cacheai.CacheAI, text: str) -> str:
    """The code under test: it would work with openai.OpenAI just the same."""
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": "Summarize in one line."}, {"role": "user", "content": text}],
    )
    return completion.choices[0].message.content or ""


def test_summarize_returns_the_model_answer(fake_openai: FakeOpenAIServer, cacheai_client: cacheai.CacheAI) -> None:
    fake_openai.set_reply("A short summary.")
    assert summarize(cacheai_client, "A very long text...") == "A short summary."
    sent = fake_openai.last_request.json()
    assert sent["messages"][0] == {"role": "system", "content": "Summarize in one line."}


def test_replies_can_be_scripted_per_request(fake_openai: FakeOpenAIServer, cacheai_client: cacheai.CacheAI) -> None:
    fake_openai.queue_replies("first", Reply(content="second"))
    assert [summarize(cacheai_client, "x") for _ in range(3)] == ["first", "second", "Echo: x"]


def test_summarize_survives_one_server_error(fake_openai: FakeOpenAIServer, cacheai_client: cacheai.CacheAI) -> None:
    fake_openai.fail_next(1, status=503, headers={"retry-after-ms": "10"})  # retried by the client
    assert summarize(cacheai_client, "hello") == "Echo: hello"
    assert len(fake_openai.requests) == 2


def test_rate_limits_reach_the_caller(fake_openai: FakeOpenAIServer, cacheai_client: cacheai.CacheAI) -> None:
    fake_openai.fail_next(1, status=429, message="Slow down")
    with pytest.raises(cacheai.RateLimitError, match="Slow down"):
        summarize(cacheai_client.with_options(max_retries=0), "hello")
