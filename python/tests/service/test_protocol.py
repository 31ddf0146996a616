"""The service protocol: miss -> baseline -> store -> hit, streams, failures, key headers, get/update/delete."""

from __future__ import annotations

import logging

import pytest

import cacheai
from cacheai import CacheAI, CacheAIService
from cacheai.testing import FakeCacheAIService, FakeOpenAIServer

MESSAGES = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello there"}]


def client_for(service: FakeCacheAIService, baseline: FakeOpenAIServer, **service_options: object) -> CacheAI:
    cache = CacheAIService(api_key="ca-test", base_url=service.base_url, **service_options)  # type: ignore[arg-type]
    return CacheAI(api_key="sk-baseline", base_url=baseline.base_url, cache=cache, max_retries=0)


def test_miss_baseline_store_hit(service: FakeCacheAIService, baseline: FakeOpenAIServer) -> None:
    client = client_for(service, baseline)
    first = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    second = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert first.choices[0].message.content == second.choices[0].message.content == "Echo: Hello there"
    key = service.key_for(MESSAGES)
    assert (cacheai.info(first).cached, cacheai.info(first).cache_key) == (False, key)
    assert (cacheai.info(second).cached, cacheai.info(second).cache_key) == (True, key)
    assert len(baseline.requests_to("/v1/chat/completions")) == 1
    assert service.entries[key] == {
        "output": "Echo: Hello there",
        "model_id": "gpt-4o-mini",
        "prompt": "system: Be brief.\nuser: Hello there",
    }
    put = next(r for r in service.requests if r.method == "PUT")
    assert put.path == f"/v1/cache/{key}"
    assert client.cache is not None
    assert client.cache.stats() == {
        "lookups": 2,
        "hits": 1,
        "misses": 1,
        "stores": 1,
        "store_failures": 0,
        "service_errors": 0,
        "errors": 0,
    }
    # the baseline never sees the CacheAI key or headers; the service never sees the baseline key
    assert baseline.last_request.headers.get("authorization") == "Bearer sk-baseline"
    assert not any(k.lower().startswith("x-cacheai") for k in baseline.last_request.headers)
    assert all("sk-baseline" not in str(r.headers) for r in service.requests)


def test_stream_cycle(service: FakeCacheAIService, baseline: FakeOpenAIServer) -> None:
    client = client_for(service, baseline)
    texts = []
    for _ in range(2):
        stream = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, stream=True)
        texts.append("".join(c.choices[0].delta.content or "" for c in stream if c.choices))
    assert texts == ["Echo: Hello there", "Echo: Hello there"]
    assert service.entries[service.key_for(MESSAGES)]["output"] == "Echo: Hello there"
    assert len(baseline.requests_to("/v1/chat/completions")) == 1
    lookups = [r for r in service.requests if r.method == "POST"]
    assert [r.body["stream"] for r in lookups] == [True, True]  # streams go to the service as they are


def test_stored_completion_answers_a_stream(service: FakeCacheAIService, baseline: FakeOpenAIServer) -> None:
    client = client_for(service, baseline)
    client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    stream = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, stream=True)
    assert "".join(c.choices[0].delta.content or "" for c in stream if c.choices) == "Echo: Hello there"
    assert len(baseline.requests_to("/v1/chat/completions")) == 1


def test_store_failure_never_fails_the_call(
    service: FakeCacheAIService, baseline: FakeOpenAIServer, caplog: pytest.LogCaptureFixture
) -> None:
    client = client_for(service, baseline)
    service.requests.clear()
    original = service._answer

    def failing_put(method: str, path: str, headers: dict[str, str], body: object) -> tuple[int, object, bool]:
        if method == "PUT":
            return 503, {"error": {"message": "down"}}, False
        return original(method, path, headers, body)

    service._answer = failing_put  # type: ignore[method-assign]
    with caplog.at_level(logging.WARNING, logger="cacheai"):
        result = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert result.choices[0].message.content == "Echo: Hello there"
    assert service.entries == {}
    assert client.cache is not None and client.cache.stats()["store_failures"] == 1
    assert "was not cached" in caplog.text


@pytest.mark.parametrize("status", [500, 503])
def test_service_5xx_goes_to_the_baseline(
    service: FakeCacheAIService, baseline: FakeOpenAIServer, caplog: pytest.LogCaptureFixture, status: int
) -> None:
    client = client_for(service, baseline)
    service.fail_next(2, status=status)
    with caplog.at_level(logging.WARNING, logger="cacheai"):
        for _ in range(2):
            assert client.chat.completions.create(model="m", messages=MESSAGES).choices[0].message.content
    assert len(baseline.requests_to("/v1/chat/completions")) == 2
    assert caplog.text.count("straight to the baseline") == 1  # one warning for the outage
    assert client.cache is not None and client.cache.stats()["service_errors"] == 2


def test_service_down_goes_to_the_baseline(baseline: FakeOpenAIServer) -> None:
    with FakeCacheAIService() as stopped:
        url = stopped.base_url
    cache = CacheAIService(api_key="ca-test", base_url=url)
    client = CacheAI(api_key="sk-baseline", base_url=baseline.base_url, cache=cache)
    assert client.chat.completions.create(model="m", messages=MESSAGES).choices[0].message.content
    assert cache.stats()["service_errors"] == 1


def test_wrong_service_key_is_raised(service: FakeCacheAIService, baseline: FakeOpenAIServer) -> None:
    client = CacheAI(
        api_key="sk-baseline", base_url=baseline.base_url, cache=CacheAIService("wrong", base_url=service.base_url)
    )
    with pytest.raises(cacheai.AuthenticationError) as caught:
        client.chat.completions.create(model="m", messages=MESSAGES)
    assert caught.value.status_code == 401
    assert "Invalid CacheAI API key" in (caught.value.response_body or "")
    assert baseline.requests_to("/v1/chat/completions") == []


def test_key_headers_exactly_when_configured(service: FakeCacheAIService, baseline: FakeOpenAIServer) -> None:
    client_for(service, baseline).chat.completions.create(model="m", messages=MESSAGES)
    assert not any(k.startswith("x-cacheai") for k in service.requests[0].headers)
    service.requests.clear()
    configured = client_for(
        service,
        baseline,
        enable_cache=False,
        baseline_model_provider="openai",
        baseline_model="gpt-4o",
        baseline_model_api_key="sk-for-service",
        baseline_model_base_url="https://example.test/v1",
    )
    configured.chat.completions.create(model="m", messages=MESSAGES)
    headers = service.requests[0].headers
    assert {k: v for k, v in headers.items() if k.startswith("x-cacheai")} == {
        "x-cacheai-enable-cache": "false",
        "x-cacheai-baseline-model-provider": "openai",
        "x-cacheai-baseline-model": "gpt-4o",
        "x-cacheai-baseline-model-api-key": "sk-for-service",
        "x-cacheai-baseline-model-base-url": "https://example.test/v1",
    }
    service.requests.clear()
    client_for(
        service, baseline, baseline_model_api_key="sk-for-service", send_baseline_key=False
    ).chat.completions.create(model="m", messages=MESSAGES)
    assert "x-cacheai-baseline-model-api-key" not in service.requests[0].headers
    assert "sk-for-service" not in repr(configured.cache)


def test_get_update_delete(service: FakeCacheAIService, baseline: FakeOpenAIServer) -> None:
    client = client_for(service, baseline)
    client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    key = service.key_for(MESSAGES)
    cache = client.cache
    assert cache is not None
    entry = cache.get(key)
    assert entry is not None and entry["output"] == "Echo: Hello there"
    assert cache.update(key, output="Corrected.", converter_type="exact")["updated_fields"] == [
        "converter_type",
        "output",
    ]
    again = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert again.choices[0].message.content == "Corrected."
    with pytest.raises(cacheai.ValidationError):
        cache.update(key)
    cache.delete(key)
    assert cache.get(key) is None  # as the local caches answer an unknown key
    assert client.with_options(timeout=5).cache is cache


def test_non_chat_calls_skip_the_service(service: FakeCacheAIService, baseline: FakeOpenAIServer) -> None:
    client_for(service, baseline).models.list()
    assert service.requests == []


def test_client_without_baseline_raises_validation_error(service: FakeCacheAIService) -> None:
    client = cacheai.Client(api_key="ca-test", base_url=service.base_url)
    with pytest.raises(cacheai.ValidationError, match="no baseline model is configured"):
        client.chat.completions.create(model="m", messages=MESSAGES)


def test_client_with_options_keeps_the_service(service: FakeCacheAIService, baseline: FakeOpenAIServer) -> None:
    client = cacheai.Client(
        api_key="ca-test",
        base_url=service.base_url,
        baseline_model_base_url=baseline.base_url,
        baseline_model_api_key="sk-baseline",
    )
    copy = client.with_options(max_retries=0)
    assert isinstance(copy, cacheai.Client) and copy.cache is client.cache
    copy.chat.completions.create(model="m", messages=MESSAGES)
    assert cacheai.info(client.chat.completions.create(model="m", messages=MESSAGES)).cached


def test_names_of_0_2() -> None:
    assert cacheai.TimeoutError is cacheai.APITimeoutError
    assert cacheai.ConnectionError is cacheai.APIConnectionError
    assert issubclass(cacheai.APITimeoutError, cacheai.CacheAIError)
    assert issubclass(cacheai.ValidationError, cacheai.CacheAIError)
    assert cacheai.CacheAIError("x").status_code is None
    assert cacheai.ModelList(data=[]).object == "list"
    assert cacheai.ChatMessage is cacheai.types.chat.ChatCompletionMessage
    assert cacheai.__version__ == "0.3.0"


def test_with_options_cache_false_drops_the_service(service: FakeCacheAIService, baseline: FakeOpenAIServer) -> None:
    client = client_for(service, baseline)
    plain = client.with_options(cache=False)
    assert plain.cache is None
    plain.chat.completions.create(model="m", messages=MESSAGES)
    assert service.requests == []
    assert client.cache is not None  # the original keeps it


def test_local_cache_spec_still_builds_a_local_cache() -> None:
    assert type(CacheAI(base_url="http://127.0.0.1:9/v1", cache="memory").cache).__name__ == "CacheLayer"
