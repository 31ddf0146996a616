"""cacheai against a real LiteLLM proxy (mocked models, genuine auth, rate-limit and error paths)."""

from __future__ import annotations

import pytest
from server_process import LiteLLMServer

import cacheai
from cacheai import CacheAI

COMPAT_SERVER = "LiteLLM proxy"
pytestmark = pytest.mark.servers

MOCK_TEXT = "Hello from LiteLLM! ünïcödé ✓"  # litellm_files/config.yaml: mock-chat
MOCK_EMBEDDING = [0.25, -0.5, 1.0]  # litellm_files/config.yaml: mock-embedding
USER = [{"role": "user", "content": "Say hello"}]


@pytest.fixture
def client(litellm: LiteLLMServer) -> CacheAI:
    return CacheAI(base_url=litellm.base_url, api_key=litellm.api_key, max_retries=0)


@pytest.mark.compat("Chat completion")
def test_chat_completion(client: CacheAI) -> None:
    completion = client.chat.completions.create(model="mock-chat", messages=USER)

    assert isinstance(completion, cacheai.types.chat.ChatCompletion)
    assert completion.object == "chat.completion"
    assert completion.model == "mock-chat"
    assert completion.choices[0].message.role == "assistant"
    assert completion.choices[0].message.content == MOCK_TEXT
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage is not None and completion.usage.total_tokens > 0


@pytest.mark.compat("Chat streaming")
def test_chat_streaming_without_usage(client: CacheAI) -> None:
    with client.chat.completions.create(model="mock-chat", messages=USER, stream=True) as stream:
        chunks = list(stream)

    assert all(chunk.object == "chat.completion.chunk" for chunk in chunks)
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == MOCK_TEXT
    assert chunks[0].choices[0].delta.role == "assistant"
    assert [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason] == ["stop"]
    assert all(chunk.usage is None for chunk in chunks)


@pytest.mark.compat("Streaming usage (include_usage)")
def test_chat_streaming_with_include_usage(client: CacheAI) -> None:
    stream = client.chat.completions.create(
        model="mock-chat", messages=USER, stream=True, stream_options={"include_usage": True}
    )
    chunks = list(stream)

    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == MOCK_TEXT
    with_usage = [chunk for chunk in chunks if chunk.usage is not None]
    assert len(with_usage) == 1 and with_usage[0] is chunks[-1]
    usage = with_usage[0].usage
    assert usage is not None and usage.total_tokens == usage.prompt_tokens + usage.completion_tokens > 0
    # LiteLLM quirk: the usage chunk carries one empty choice where OpenAI sends "choices": [].
    assert all(not (choice.delta.content or "") for choice in chunks[-1].choices)


@pytest.mark.compat("Legacy completions")
def test_completions(client: CacheAI) -> None:
    completion = client.completions.create(model="mock-chat", prompt="Say hello")

    assert isinstance(completion, cacheai.types.Completion)
    assert completion.object == "text_completion"
    assert completion.choices[0].text == MOCK_TEXT
    assert completion.choices[0].finish_reason == "stop"


@pytest.mark.compat("Completions streaming")
def test_completions_streaming(client: CacheAI) -> None:
    chunks = list(client.completions.create(model="mock-chat", prompt="Say hello", stream=True))

    # LiteLLM quirk: the last chunk has no "text" key at all; it must parse anyway.
    assert "".join(chunk.choices[0].text or "" for chunk in chunks) == MOCK_TEXT
    assert chunks[-1].choices[0].finish_reason == "stop"


@pytest.mark.compat("Models list and retrieve")
def test_models(client: CacheAI) -> None:
    ids = [model.id for model in client.models.list()]
    assert {"mock-chat", "mock-embedding"} <= set(ids)

    model = client.models.retrieve("mock-chat")
    assert model.id == "mock-chat" and model.object == "model"
    assert isinstance(model.created, int)


@pytest.mark.compat("Embeddings")
def test_embeddings_float(client: CacheAI) -> None:
    response = client.embeddings.create(model="mock-embedding", input="hello", encoding_format="float")

    assert response.data[0].embedding == MOCK_EMBEDDING
    assert response.data[0].index == 0


@pytest.mark.compat("Embeddings")
def test_embeddings_default_encoding_with_list_input(client: CacheAI) -> None:
    # cacheai asks for base64 like openai does; LiteLLM answers floats anyway, which must pass through as is.
    response = client.embeddings.create(model="mock-embedding", input=["a", "b"])

    assert response.data[0].embedding == MOCK_EMBEDDING
    assert response.model == "mock-embedding"


@pytest.mark.compat("401 → AuthenticationError")
def test_wrong_key_is_authentication_error(litellm: LiteLLMServer) -> None:
    client = CacheAI(base_url=litellm.base_url, api_key="sk-wrong", max_retries=0)

    with pytest.raises(cacheai.AuthenticationError) as caught:
        client.chat.completions.create(model="mock-chat", messages=USER)

    error = caught.value
    assert error.status_code == 401
    assert "Invalid API key" in error.message
    assert error.message.startswith("Error code: 401 - ")
    assert error.code == "401"  # LiteLLM sends string codes
    assert error.type == "auth_error"


@pytest.mark.compat("429 → RateLimitError (Retry-After)")
def test_rate_limited_key_gets_rate_limit_error_with_retry_after(litellm: LiteLLMServer) -> None:
    client = CacheAI(base_url=litellm.base_url, api_key=litellm.limited_key, max_retries=0)

    # The key allows 2 requests a minute; a minute boundary in between can reset the window once.
    with pytest.raises(cacheai.RateLimitError) as caught:
        for _ in range(6):
            client.chat.completions.create(model="mock-chat", messages=USER)

    error = caught.value
    assert error.status_code == 429
    assert "Rate limit exceeded" in error.message
    assert error.code == "429"
    retry_after = error.response.headers.get("retry-after")
    assert retry_after is not None and 0 < float(retry_after) <= 60


@pytest.mark.compat("429 → RateLimitError (Retry-After)")
def test_mocked_upstream_rate_limit(client: CacheAI) -> None:
    with pytest.raises(cacheai.RateLimitError) as caught:
        client.chat.completions.create(model="mock-rate-limited", messages=USER)
    assert caught.value.status_code == 429
    assert caught.value.code == "429"


@pytest.mark.compat("400 error body → BadRequestError")
def test_context_window_error_is_bad_request_with_string_code(client: CacheAI) -> None:
    with pytest.raises(cacheai.BadRequestError) as caught:
        client.chat.completions.create(model="mock-context-overflow", messages=USER)

    error = caught.value
    assert error.status_code == 400
    assert error.code == "400"
    assert error.type == "invalid_request_error"
    assert "context window exceeded" in error.message
    assert isinstance(error.body, dict) and error.body["code"] == "400"


@pytest.mark.compat("400 error body → BadRequestError")
def test_unknown_model_is_bad_request(client: CacheAI) -> None:
    with pytest.raises(cacheai.BadRequestError) as caught:
        client.chat.completions.create(model="no-such-model", messages=USER)
    assert "Invalid model name" in caught.value.message


@pytest.mark.compat("5xx error body → InternalServerError")
def test_server_error_is_internal_server_error(client: CacheAI) -> None:
    with pytest.raises(cacheai.InternalServerError) as caught:
        client.chat.completions.create(model="mock-server-error", messages=USER)

    error = caught.value
    assert error.status_code == 500
    assert error.code == "500"
    assert "mock internal server error" in error.message


@pytest.mark.compat("Mid-stream error event → APIError")
def test_mid_stream_error_raises_typed_error(client: CacheAI) -> None:
    stream = client.chat.completions.create(model="mock-mid-stream-error", messages=USER, stream=True)
    received: list[str] = []

    with pytest.raises(cacheai.APIError) as caught:
        for chunk in stream:
            received.append(chunk.choices[0].delta.content or "")

    assert not isinstance(caught.value, cacheai.APIStatusError)  # the HTTP status was 200
    assert "upstream connection lost mid-stream" in caught.value.message
    assert isinstance(caught.value.body, dict) and caught.value.body["code"] == "500"
    assert "".join(received) == "This stream breaks after two chunks"[:6]  # the two chunks before the fault


@pytest.mark.compat("Unknown path → NotFoundError")
def test_unknown_path_is_not_found(client: CacheAI) -> None:
    with pytest.raises(cacheai.NotFoundError) as caught:
        client.get("/no-such-endpoint", cast_to=object)

    error = caught.value
    assert error.status_code == 404
    assert error.body == {"detail": "Not Found"}


@pytest.mark.compat("Rate-limit headers in cacheai.info")
def test_rate_limit_headers_reach_the_record(litellm: LiteLLMServer) -> None:
    client = CacheAI(base_url=litellm.base_url, api_key=litellm.metered_key, max_retries=0)
    completion = client.chat.completions.create(model="mock-chat", messages=USER)
    record = cacheai.info(completion)
    snapshot = record.rate_limit
    assert snapshot is not None  # LiteLLM's dialect: x-ratelimit-api_key-*
    assert snapshot.limit_requests == 10000 and snapshot.limit_tokens == 1000000
    assert snapshot.remaining_requests is not None and 0 < snapshot.remaining_requests < 10000
    assert snapshot.remaining_tokens is not None and 0 < snapshot.remaining_tokens <= 1000000
    assert client.rate_limits["mock-chat"].limit_requests == 10000
    assert record.request_id is not None and record.request_id == record.headers.get("x-litellm-call-id")
    assert record.usage is not None and record.usage.total_tokens > 0
