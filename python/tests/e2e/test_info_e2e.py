"""The per-call record (``cacheai.info``), ``client.rate_limits``, ``generate_response`` and ``ModelResponse``."""

from __future__ import annotations

import copy
import pickle
import threading

import pytest

import cacheai
from cacheai import CacheAI, ModelResponse, TokenUsage

MESSAGES = [{"role": "user", "content": "hello there"}]
RATE_HEADERS = {
    "x-ratelimit-limit-requests": "500",
    "x-ratelimit-remaining-requests": "499",
    "x-ratelimit-reset-requests": "120ms",
    "x-ratelimit-limit-tokens": "30000",
    "x-ratelimit-remaining-tokens": "29950",
    "x-ratelimit-reset-tokens": "6m0s",
}


@pytest.fixture
def client(server):
    with CacheAI(base_url=server.base_url, max_retries=2) as c:
        yield c


def test_record_of_a_plain_call(client, server):
    server.set_response_headers(RATE_HEADERS)
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    record = cacheai.info(completion)
    assert record.request_id is not None and record.request_id == completion._request_id
    assert record.status_code == 200
    assert record.retries == 0
    assert record.model == "gpt-4o-mini"
    assert record.answered_model == completion.model
    assert record.cached is False and record.cache_key is None
    assert record.complete is True
    assert record.latency_ms > 0
    assert record.ttft_ms is None
    usage = record.usage
    assert isinstance(usage, TokenUsage)
    assert usage.prompt_tokens == completion.usage.prompt_tokens
    assert usage.completion_tokens == completion.usage.completion_tokens
    assert usage.total_tokens == completion.usage.total_tokens
    assert record.cost is not None and record.cost > 0  # gpt-4o-mini is in the bundled price table
    assert usage.estimated_cost == record.cost
    snapshot = record.rate_limit
    assert snapshot is not None
    assert snapshot.remaining_requests == 499
    assert snapshot.reset_tokens_s == pytest.approx(360.0)
    assert snapshot.reset_requests_s == pytest.approx(0.12)


def test_the_record_is_not_part_of_the_object(client):
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    cacheai.info(completion)
    dumped = completion.model_dump()
    assert "_cacheai_exchange" not in dumped
    assert "_cacheai_exchange" not in completion.to_json()
    assert completion == completion.model_copy()
    # Copies keep the record; an unpickled object says it has none, instead of inventing one.
    assert cacheai.info(copy.deepcopy(completion)).request_id == cacheai.info(completion).request_id
    restored = pickle.loads(pickle.dumps(completion))
    assert restored.model_dump() == dumped
    with pytest.raises(TypeError, match="carries no response record"):
        cacheai.info(restored)


def test_unknown_price_is_none_never_zero(client):
    completion = client.chat.completions.create(model="my-local-model", messages=MESSAGES)
    record = cacheai.info(completion)
    assert record.usage is not None and record.usage.total_tokens > 0
    assert record.cost is None


def test_client_prices_price_a_custom_model(server):
    prices = {"my-local-model": {"input": 1.0, "output": 2.0}}
    with CacheAI(base_url=server.base_url, prices=prices) as client:
        completion = client.chat.completions.create(model="my-local-model", messages=MESSAGES)
        usage = completion.usage
        expected = (usage.prompt_tokens * 1.0 + usage.completion_tokens * 2.0) / 1_000_000
        assert cacheai.info(completion).cost == pytest.approx(expected)
        # with_options copies share the prices and the observed rate limits.
        again = client.with_options(timeout=30).chat.completions.create(model="my-local-model", messages=MESSAGES)
        assert cacheai.info(again).cost == pytest.approx(expected)


def test_a_local_model_priced_at_zero_on_purpose(server):
    with CacheAI(base_url=server.base_url, prices={"free-model": {"input": 0, "output": 0}}) as client:
        completion = client.chat.completions.create(model="free-model", messages=MESSAGES)
        assert cacheai.info(completion).cost == 0.0


def test_retries_are_counted(client, server):
    server.fail_next(2, status=503, headers={"retry-after-ms": "1"})
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert cacheai.info(completion).retries == 2


def test_stream_record_is_partial_then_complete(client):
    stream = client.chat.completions.create(
        model="gpt-4o-mini", messages=MESSAGES, stream=True, stream_options={"include_usage": True}
    )
    assert cacheai.info(stream).complete is False
    chunks = []
    for chunk in stream:
        chunks.append(chunk)
        if len(chunks) == 2:
            partial = cacheai.info(stream)
            assert partial.complete is False
            assert partial.ttft_ms is not None
    record = cacheai.info(stream)
    assert record.complete is True
    assert record.ttft_ms is not None and record.ttft_ms <= record.latency_ms
    assert record.answered_model == chunks[0].model
    final_usage = chunks[-1].usage
    assert final_usage is not None
    assert record.usage is not None and record.usage.total_tokens == final_usage.total_tokens
    assert record.cost is not None and record.cost > 0
    assert cacheai.info(stream) is record  # complete: built once


def test_stream_without_usage_chunk_has_no_usage(client):
    stream = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, stream=True)
    list(stream)
    record = cacheai.info(stream)
    assert record.complete and record.usage is None and record.cost is None


def test_broken_stream_record_is_incomplete(client, server):
    server.set_stream_faults(cut_after=2, times=1)
    stream = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, stream=True)
    with pytest.raises(cacheai.APIConnectionError):
        list(stream)
    assert cacheai.info(stream).complete is False


def test_responses_stream_usage_from_the_final_event(client):
    stream = client.responses.create(model="gpt-4o-mini", input="hello there", stream=True)
    events = list(stream)
    record = cacheai.info(stream)
    assert record.complete
    final = events[-1]
    assert final.type == "response.completed"
    assert record.usage is not None and record.usage.prompt_tokens == final.response.usage.input_tokens


def test_raw_response_record(client, server):
    server.set_response_headers(RATE_HEADERS)
    raw = client.chat.completions.with_raw_response.create(model="gpt-4o-mini", messages=MESSAGES)
    record = cacheai.info(raw)
    assert record.status_code == 200
    assert record.rate_limit is not None and record.rate_limit.limit_tokens == 30000
    assert record.usage is not None and record.usage.total_tokens > 0
    parsed = raw.parse()
    assert cacheai.info(parsed).request_id == record.request_id


def test_record_on_every_kind_of_result(client):
    page = client.models.list()
    assert cacheai.info(page).status_code == 200
    model = client.models.retrieve(page.data[0].id)
    assert cacheai.info(model).request_id
    embedding = client.embeddings.create(model="text-embedding-3-small", input=["a", "b"])
    record = cacheai.info(embedding)
    assert record.usage is not None and record.usage.prompt_tokens > 0
    assert record.cost is not None
    completion = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="hi")
    assert cacheai.info(completion).usage is not None
    response = client.responses.create(model="gpt-4o-mini", input="hi")
    assert cacheai.info(response).usage is not None


def test_info_rejects_objects_no_call_produced():
    with pytest.raises(TypeError, match="carries no response record"):
        cacheai.info(object())
    with pytest.raises(TypeError):
        cacheai.info("text")


def test_rate_limits_per_model_shared_by_copies_under_threads(client, server):
    server.set_response_headers(RATE_HEADERS)
    copy_client = client.with_options(max_retries=0)
    errors: list[BaseException] = []

    def work(model: str) -> None:
        try:
            for _ in range(5):
                copy_client.chat.completions.create(model=model, messages=MESSAGES)
                snapshot = client.rate_limits.get(model)
                assert snapshot is not None and snapshot.remaining_requests == 499
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(f"model-{i % 4}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(client.rate_limits) == ["model-0", "model-1", "model-2", "model-3"]
    assert client.rate_limits["model-1"].limit_requests == 500
    with pytest.raises(KeyError):
        client.rate_limits["never-asked"]


def test_no_rate_limit_headers_no_snapshot(client):
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert cacheai.info(completion).rate_limit is None
    assert "gpt-4o-mini" not in client.rate_limits


# -- generate_response / ModelResponse ----------------------------------------------------------------------


def test_generate_response(client, server):
    result = client.generate_response("hello there", model="gpt-4o-mini", temperature=0, max_tokens=20)
    assert isinstance(result, ModelResponse)
    assert result.content == "Echo: hello there"
    assert result.model == result.completion.model
    assert result.temperature == 0
    assert result.finish_reason == "stop"
    assert result.cached is False
    assert result.request_id == cacheai.info(result.completion).request_id
    assert result.latency_ms > 0
    assert result.usage.total_tokens == result.completion.usage.total_tokens
    assert result.usage.estimated_cost is not None and result.usage.estimated_cost > 0
    body = server.last_request.json()
    assert body["messages"] == [{"role": "user", "content": "hello there"}]
    assert body["temperature"] == 0 and body["max_tokens"] == 20
    assert cacheai.info(result).request_id == result.request_id


def test_generate_response_with_messages_and_extra_kwargs(client, server):
    messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"}]
    result = client.generate_response(messages, model="gpt-4o-mini", seed=7, user="u1")
    assert result.content == "Echo: hi"
    body = server.last_request.json()
    assert body["messages"] == messages and body["seed"] == 7 and body["user"] == "u1"
    assert "temperature" not in body and "max_tokens" not in body


def test_default_model_from_client_and_environment(server, monkeypatch):
    with CacheAI(base_url=server.base_url, default_model="gpt-4o-mini") as client:
        assert client.generate_response("hi").completion.model == "gpt-4o-mini"
        assert client.with_options(timeout=5).default_model == "gpt-4o-mini"
    monkeypatch.setenv("CACHEAI_MODEL", "gpt-4.1-mini")
    with CacheAI(base_url=server.base_url) as client:
        client.generate_response("hi")
        assert server.last_request.json()["model"] == "gpt-4.1-mini"


def test_missing_model_says_how_to_set_one(server, monkeypatch):
    monkeypatch.delenv("CACHEAI_MODEL", raising=False)
    with CacheAI(base_url=server.base_url) as client:
        with pytest.raises(cacheai.OpenAIError, match="CACHEAI_MODEL"):
            client.generate_response("hi")
    assert server.requests == []


@pytest.mark.parametrize(
    ("prompt", "error"),
    [(42, TypeError), ([], ValueError), (["not a dict"], TypeError), (b"bytes", TypeError)],
)
def test_bad_prompts_are_refused_before_sending(client, server, prompt, error):
    with pytest.raises(error):
        client.generate_response(prompt, model="gpt-4o-mini")
    assert server.requests == []


def test_generate_response_refuses_stream_and_messages(client):
    with pytest.raises(TypeError, match="stream"):
        client.generate_response("hi", model="m", stream=True)
    with pytest.raises(TypeError, match="prompt"):
        client.generate_response("hi", model="m", messages=[])


def test_generate_response_raises_openai_errors_after_retries(server):
    with CacheAI(base_url=server.base_url, max_retries=1) as client:
        server.fail_next(2, status=429, headers={"retry-after-ms": "1"})
        with pytest.raises(cacheai.RateLimitError):
            client.generate_response("hi", model="gpt-4o-mini")
        assert len(server.requests_to("/chat/completions")) == 2


def test_model_response_dump_is_json_ready(client):
    result = client.generate_response("hi", model="gpt-4o-mini")
    data = result.model_dump(mode="json")
    assert data["content"] == "Echo: hi"
    assert data["usage"]["total_tokens"] == result.usage.total_tokens
    assert data["completion"]["id"] == result.completion.id
