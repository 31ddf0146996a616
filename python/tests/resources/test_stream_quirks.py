"""Streams from servers that stray from OpenAI's format must fail loudly, never end as if complete."""

from __future__ import annotations

import pytest
import responses

import cacheai
from cacheai import CacheAI

BASE = "http://quirky.test/v1"
URL = f"{BASE}/chat/completions"
CHUNK = (
    '{"id":"c","object":"chat.completion.chunk","created":1,"model":"m",'
    '"choices":[{"index":0,"delta":{"content":"hi"}}]}'
)


@pytest.fixture
def client():
    with CacheAI(base_url=BASE, max_retries=0) as c:
        yield c


def _stream(client: CacheAI) -> list[object]:
    return list(client.chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}], stream=True))


@responses.activate
def test_json_error_document_instead_of_a_stream_raises(client: CacheAI) -> None:
    # Old TGI: invalid parameters answered as HTTP 200 with a JSON error and no event stream.
    responses.post(
        URL, json={"error": "Input validation error: temperature must be positive", "error_type": "validation"}
    )
    with pytest.raises(cacheai.APIError, match="temperature must be positive"):
        _stream(client)


@responses.activate
def test_json_completion_instead_of_a_stream_raises(client: CacheAI) -> None:
    # A server (or mock, e.g. Prism) that ignores stream=True and sends a whole completion.
    responses.post(URL, json={"id": "c", "object": "chat.completion", "created": 1, "model": "m", "choices": []})
    with pytest.raises(cacheai.APIResponseValidationError, match="instead of an event stream"):
        _stream(client)


@responses.activate
def test_vllm_error_object_mid_stream_raises(client: CacheAI) -> None:
    body = (
        f"data: {CHUNK}\n\n"
        'data: {"object": "error", "message": "prompt too long", "type": "BadRequestError", "code": 400}\n\n'
    )
    responses.post(URL, body=body, content_type="text/event-stream")
    with pytest.raises(cacheai.APIError, match="prompt too long") as info:
        _stream(client)
    assert info.value.code == "400" and info.value.type == "BadRequestError"


@responses.activate
def test_old_llama_cpp_error_field_raises(client: CacheAI) -> None:
    body = f'data: {CHUNK}\n\nerror: {{"code": 500, "message": "context overflow", "type": "server_error"}}\n\n'
    responses.post(URL, body=body, content_type="text/event-stream")
    with pytest.raises(cacheai.APIError, match="context overflow"):
        _stream(client)


@responses.activate
def test_event_stream_with_json_charset_is_still_a_stream(client: CacheAI) -> None:
    responses.post(URL, body=f"data: {CHUNK}\n\ndata: [DONE]\n\n", content_type="text/event-stream; charset=utf-8")
    assert len(_stream(client)) == 1
