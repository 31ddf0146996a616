"""``with_streaming_response``: a context manager whose body is read on demand, once."""

from __future__ import annotations

import pytest
import responses

from cacheai import CacheAI
from cacheai._response import StreamAlreadyConsumed

BASE = "http://test.local/v1"


@pytest.fixture
def client() -> CacheAI:
    return CacheAI(api_key="sk-test", base_url=BASE, max_retries=0)


@responses.activate
def test_parse_and_headers(client: CacheAI) -> None:
    responses.get(
        f"{BASE}/models/m1",
        json={"id": "m1", "object": "model", "created": 1, "owned_by": "me"},
        headers={"x-request-id": "req_1"},
    )
    with client.models.with_streaming_response.retrieve("m1") as response:
        assert response.status_code == 200
        assert response.headers["x-request-id"] == "req_1"
        model = response.parse()
    assert model.id == "m1"


@responses.activate
def test_iter_lines_then_read_again_is_a_clear_error(client: CacheAI) -> None:
    responses.get(f"{BASE}/files/f1/content", body=b"line one\nline two\n")
    with client.files.with_streaming_response.content("f1") as response:
        assert list(response.iter_lines()) == ["line one", "line two"]
        with pytest.raises(StreamAlreadyConsumed, match="already been streamed"):
            response.read()
        with pytest.raises(StreamAlreadyConsumed):
            list(response.iter_bytes())


@responses.activate
def test_read_then_iterate_serves_the_kept_body(client: CacheAI) -> None:
    responses.get(f"{BASE}/files/f1/content", body=b"abc")
    with client.files.with_streaming_response.content("f1") as response:
        assert response.read() == b"abc"
        assert b"".join(response.iter_bytes()) == b"abc"
        assert "".join(response.iter_text()) == "abc"
        assert response.parse().read() == b"abc"


@responses.activate
def test_client_level_and_nested_mirror(client: CacheAI) -> None:
    responses.post(
        f"{BASE}/chat/completions",
        json={
            "id": "c1",
            "object": "chat.completion",
            "created": 1,
            "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "hi"}}],
        },
    )
    with client.with_streaming_response.chat.completions.create(model="m", messages=[]) as response:
        assert response.parse().choices[0].message.content == "hi"
    with client.chat.with_streaming_response.completions.create(model="m", messages=[]) as response:
        assert response.json()["id"] == "c1"
    assert "X-CacheAI-Raw-Response" not in responses.calls[0].request.headers
