"""cacheai against llama.cpp's OpenAI-compatible server (llama-cpp-python) running a tiny random-weights model.

The model (written by ``scripts/make_tiny_model.py``) answers gibberish full of control characters and of
byte-fallback tokens that assemble into multi-byte characters: with a fixed seed and ``temperature: 0`` it
repeats exactly, so what cacheai yields is compared with the same request's
bytes decoded independently of cacheai.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import pytest
import requests
from server_process import RunningServer

import cacheai
from cacheai import CacheAI
from cacheai.batch import BatchError, BatchRequest

COMPAT_SERVER = "llama.cpp server"
pytestmark = pytest.mark.servers

MODEL = "tiny-llama"
GREETING = [{"role": "user", "content": "hi"}]


@pytest.fixture
def client(llama: RunningServer) -> CacheAI:
    return CacheAI(base_url=llama.base_url, api_key=llama.api_key, max_retries=0)


def raw_request(llama: RunningServer, path: str, body: dict[str, object]) -> requests.Response:
    """The same request sent with plain ``requests``: the reference for what is on the wire."""
    return requests.post(
        f"{llama.base_url}{path}", json=body, headers={"Authorization": f"Bearer {llama.api_key}"}, timeout=60
    )


def raw_stream_payloads(response: requests.Response) -> Iterator[dict[str, object]]:
    """The JSON payloads of an SSE body, decoded without cacheai (``[DONE]`` and comments left out)."""
    for line in response.content.decode("utf-8").split("\n"):
        if line.startswith("data: {"):
            yield json.loads(line[len("data: ") :])


def has_control_characters(text: str) -> bool:
    return any(ord(char) < 32 and char not in "\n\t" for char in text)


def has_multibyte_characters(text: str) -> bool:
    """A character beyond ASCII: the tiny model's vocabulary has none, so it came from byte-fallback tokens."""
    return any(ord(char) > 127 for char in text)


@pytest.mark.compat("Chat completion")
def test_chat_completion(client: CacheAI, llama: RunningServer) -> None:
    completion = client.chat.completions.create(model=MODEL, messages=GREETING, max_tokens=24, temperature=0)

    expected = raw_request(
        llama, "/chat/completions", {"model": MODEL, "messages": GREETING, "max_tokens": 24, "temperature": 0}
    ).json()
    assert completion.choices[0].message.content == expected["choices"][0]["message"]["content"]
    assert completion.choices[0].message.role == "assistant"
    assert completion.choices[0].finish_reason == "length"
    assert completion.usage is not None and completion.usage.completion_tokens == 24
    assert completion._request_id  # llama-cpp-python sends x-request-id


@pytest.mark.compat("Chat streaming")
@pytest.mark.compat("Control characters and byte-fallback text intact")
def test_chat_stream_text_arrives_intact(client: CacheAI, llama: RunningServer) -> None:
    params: dict[str, object] = {"model": MODEL, "messages": GREETING, "max_tokens": 300, "temperature": 0}
    with client.chat.completions.create(**params, stream=True) as stream:  # type: ignore[call-overload]
        chunks = list(stream)

    reference = list(raw_stream_payloads(raw_request(llama, "/chat/completions", {**params, "stream": True})))
    deltas = [chunk.choices[0].delta.content for chunk in chunks]
    assert deltas == [payload["choices"][0]["delta"].get("content") for payload in reference]  # type: ignore[index]
    text = "".join(delta or "" for delta in deltas)
    assert has_control_characters(text)
    assert chunks[-1].choices[0].finish_reason == reference[-1]["choices"][0]["finish_reason"]  # type: ignore[index]


@pytest.mark.compat("Chat streaming")
def test_include_usage_is_ignored_without_breaking_the_stream(client: CacheAI) -> None:
    # llama-cpp-python ignores stream_options.include_usage: no usage chunk, the stream still completes.
    chunks = list(
        client.chat.completions.create(
            model=MODEL,
            messages=GREETING,
            max_tokens=8,
            temperature=0,
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    assert chunks and all(chunk.usage is None for chunk in chunks)
    assert chunks[-1].choices[0].finish_reason == "length"


@pytest.mark.compat("Legacy completions")
@pytest.mark.compat("Control characters and byte-fallback text intact")
def test_completion_text_arrives_intact(client: CacheAI, llama: RunningServer) -> None:
    # With this prompt the answer holds a character assembled from byte-fallback tokens, and control characters.
    completion = client.completions.create(model=MODEL, prompt="The", max_tokens=300, temperature=0)

    expected = raw_request(
        llama, "/completions", {"model": MODEL, "prompt": "The", "max_tokens": 300, "temperature": 0}
    ).json()
    text = completion.choices[0].text
    assert text == expected["choices"][0]["text"]
    assert has_multibyte_characters(text) and has_control_characters(text)


@pytest.mark.compat("Completions streaming")
def test_completions_stream_matches_the_wire(client: CacheAI, llama: RunningServer) -> None:
    params: dict[str, object] = {"model": MODEL, "prompt": "The", "max_tokens": 60, "temperature": 0}
    texts = [chunk.choices[0].text for chunk in client.completions.create(**params, stream=True)]  # type: ignore[call-overload]

    reference = raw_stream_payloads(raw_request(llama, "/completions", {**params, "stream": True}))
    assert texts == [payload["choices"][0]["text"] for payload in reference]  # type: ignore[index]


@pytest.mark.compat("SSE comments (: ping) skipped")
def test_ping_comments_are_skipped(client: CacheAI, llama: RunningServer) -> None:
    # The fixture's server pings every 10 ms (see llama_files/serve_with_fast_pings.py), so a stream of a few
    # hundred tokens carries ": ping - <timestamp>" comment lines between its events.
    params: dict[str, object] = {"model": MODEL, "messages": GREETING, "max_tokens": 400, "temperature": 0}
    raw = raw_request(llama, "/chat/completions", {**params, "stream": True})
    assert b"\n: ping - " in b"\n" + raw.content

    chunks = list(client.chat.completions.create(**params, stream=True))  # type: ignore[call-overload]
    assert all(chunk.object == "chat.completion.chunk" for chunk in chunks)
    assert [chunk.choices[0].delta.content for chunk in chunks] == [
        payload["choices"][0]["delta"].get("content")  # type: ignore[index]
        for payload in raw_stream_payloads(raw)
    ]


@pytest.mark.compat("Embeddings")
def test_embeddings(client: CacheAI) -> None:
    response = client.embeddings.create(model=MODEL, input=["hello", "world"])

    # cacheai asks for base64 like openai; this server ignores that and answers floats, passed through as is.
    assert [item.index for item in response.data] == [0, 1]
    vectors = [item.embedding for item in response.data]
    assert all(len(vector) == 64 and all(isinstance(x, float) for x in vector) for vector in vectors)
    assert vectors[0] != vectors[1]


@pytest.mark.compat("Models list and retrieve")
def test_models_without_created_field(client: CacheAI) -> None:
    models = list(client.models.list())

    assert [model.id for model in models] == [MODEL]
    assert models[0].created is None  # llama-cpp-python sends no "created"
    assert models[0].owned_by == "me"


@pytest.mark.compat("401 → AuthenticationError")
def test_wrong_key_gives_authentication_error_with_detail(llama: RunningServer) -> None:
    client = CacheAI(base_url=llama.base_url, api_key="sk-wrong", max_retries=0)

    with pytest.raises(cacheai.AuthenticationError) as caught:
        client.models.list()

    error = caught.value
    assert error.status_code == 401
    assert error.body == {"detail": "Invalid API key"}
    assert error.message == "Error code: 401 - Invalid API key"  # cacheai adds FastAPI's detail (openai does not)
    assert error.request_id


@pytest.mark.compat("5xx error body → InternalServerError")
def test_json_500_from_a_failing_handler(client: CacheAI) -> None:
    with pytest.raises(cacheai.InternalServerError) as caught:
        client.completions.create(model=MODEL, prompt="hi", max_tokens=2, logit_bias={"abc": 1})

    error = caught.value
    assert error.status_code == 500
    assert error.type == "internal_server_error"
    assert "invalid literal for int()" in error.message


@pytest.mark.compat("5xx error body → InternalServerError")
def test_text_plain_500(client: CacheAI) -> None:
    # JSON nested deeper than the server's parser allows makes it fail outside its error handler: Starlette
    # answers "500 Internal Server Error" as text/plain. The client may encode it (its recursion limit is raised).
    nested: list[object] = []
    for _ in range(3000):
        nested = [nested]
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(20_000)
    try:
        with pytest.raises(cacheai.InternalServerError) as caught:
            client.completions.create(model=MODEL, prompt="hi", max_tokens=2, extra_body={"user": nested})
    finally:
        sys.setrecursionlimit(old_limit)

    error = caught.value
    assert error.status_code == 500
    assert error.response.headers["content-type"].startswith("text/plain")
    assert error.body == "Internal Server Error"
    assert error.message == "Error code: 500 - Internal Server Error"


@pytest.mark.compat("Empty-body stream → error")
def test_context_overflow_stream_with_empty_body_raises(client: CacheAI) -> None:
    # A prompt longer than the 512-token context: in a stream, the server answers HTTP 200 with an EMPTY body.
    too_long = [{"role": "user", "content": "word " * 700}]
    stream = client.chat.completions.create(model=MODEL, messages=too_long, max_tokens=8, stream=True)

    with pytest.raises(cacheai.APIError) as caught:
        list(stream)
    assert "empty body" in caught.value.message


@pytest.mark.compat("400 error body → BadRequestError")
def test_context_overflow_without_stream_is_bad_request(client: CacheAI) -> None:
    too_long = [{"role": "user", "content": "word " * 700}]
    with pytest.raises(cacheai.BadRequestError) as caught:
        client.chat.completions.create(model=MODEL, messages=too_long, max_tokens=8)

    assert caught.value.code == "context_length_exceeded"
    assert caught.value.param == "messages"
    assert "maximum context length is 512 tokens" in caught.value.message


@pytest.mark.compat("Unknown path → NotFoundError")
def test_unknown_path_is_not_found(client: CacheAI) -> None:
    with pytest.raises(cacheai.NotFoundError) as caught:
        client.get("/no-such-endpoint", cast_to=object)
    assert caught.value.body == {"detail": "Not Found"}


def test_record_without_rate_limit_headers(client: CacheAI) -> None:
    # llama.cpp sends no rate-limit headers: no snapshot (never an error), and a local model has no price.
    completion = client.chat.completions.create(model=MODEL, messages=GREETING, max_tokens=4, temperature=0)
    record = cacheai.info(completion)
    assert record.rate_limit is None
    assert MODEL not in client.rate_limits
    assert record.request_id == completion._request_id
    assert record.usage is not None and record.usage.completion_tokens == 4
    assert record.cost is None
    stream = client.chat.completions.create(model=MODEL, messages=GREETING, max_tokens=4, stream=True)
    list(stream)
    streamed = cacheai.info(stream)
    assert streamed.complete and streamed.ttft_ms is not None and streamed.rate_limit is None


def test_batch_generate_works_and_the_batch_api_is_a_clear_404(client: CacheAI) -> None:
    results = client.batch_generate(["hi", "hello", "hey"], model=MODEL, max_tokens=4, temperature=0, max_concurrent=2)
    assert [r.completion.choices[0].finish_reason for r in results] == ["length"] * 3
    with pytest.raises(BatchError, match=r"POST /files answered 404 .* this server has no Batch API"):
        client.submit_batch_job([BatchRequest(prompt="hi", model=MODEL)])
