"""Request shape and parsing of the resources, with `responses` mocking requests (no server)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import responses

import cacheai
from cacheai import CacheAI
from cacheai.types import Batch

BASE = "http://api.test/v1"


@pytest.fixture
def client():
    with CacheAI(base_url=BASE, api_key="sk-unit", max_retries=0) as c:
        yield c


def _batch(i: int) -> dict[str, object]:
    return {
        "id": f"b{i}",
        "object": "batch",
        "endpoint": "/v1/chat/completions",
        "completion_window": "24h",
        "input_file_id": "f",
        "status": "completed",
        "created_at": i,
    }


@responses.activate
def test_cursor_pagination_walks_pages_with_after(client: CacheAI) -> None:
    responses.get(
        f"{BASE}/batches",
        json={"object": "list", "data": [_batch(1)], "has_more": True},
        match=[responses.matchers.query_param_matcher({"limit": "1"})],
    )
    responses.get(
        f"{BASE}/batches",
        json={"object": "list", "data": [_batch(2)], "has_more": True},
        match=[responses.matchers.query_param_matcher({"limit": "1", "after": "b1"})],
    )
    responses.get(
        f"{BASE}/batches",
        json={"object": "list", "data": [_batch(3)], "has_more": False},
        match=[responses.matchers.query_param_matcher({"limit": "1", "after": "b2"})],
    )
    page = client.batches.list(limit=1)
    assert [b.id for b in page.data] == ["b1"]
    assert [b.id for b in page] == ["b1", "b2", "b3"]
    assert all(isinstance(b, Batch) for b in page)
    assert [len(p.data) for p in page.iter_pages()] == [1, 1, 1]


@responses.activate
def test_page_claiming_more_but_empty_ends_the_walk(client: CacheAI) -> None:
    responses.get(f"{BASE}/batches", json={"object": "list", "data": [], "has_more": True})
    page = client.batches.list()
    assert list(page) == []
    assert not page.has_next_page()
    with pytest.raises(RuntimeError, match="No next page expected"):
        page.get_next_page()


@responses.activate
def test_models_page_has_no_next_page(client: CacheAI) -> None:
    responses.get(
        f"{BASE}/models", json={"object": "list", "data": [{"id": "tiny", "object": "model", "owned_by": "llamacpp"}]}
    )  # llama.cpp sends no `created`
    page = client.models.list()
    assert [m.id for m in page] == ["tiny"]
    assert page.data[0].created is None
    assert not page.has_next_page()
    assert len(responses.calls) == 1


@responses.activate
def test_list_query_encoding(client: CacheAI) -> None:
    responses.get(f"{BASE}/responses/resp_1/input_items", json={"object": "list", "data": [], "has_more": False})
    client.responses.input_items.list("resp_1", include=["a.b", "c"], limit=5, order="asc")
    url = responses.calls[0].request.url
    assert "include%5B%5D=a.b&include%5B%5D=c" in url and "limit=5" in url and "order=asc" in url


@responses.activate
def test_chat_list_metadata_is_bracket_encoded(client: CacheAI) -> None:
    responses.get(f"{BASE}/chat/completions", json={"object": "list", "data": [], "has_more": False})
    client.chat.completions.list(metadata={"team": "search"}, limit=3)
    assert "metadata%5Bteam%5D=search" in responses.calls[0].request.url


@responses.activate
def test_files_content_asks_for_binary(client: CacheAI) -> None:
    responses.get(f"{BASE}/files/file-1/content", body=b"\x00\x01binary")
    content = client.files.content("file-1")
    assert content.read() == b"\x00\x01binary"
    assert responses.calls[0].request.headers["Accept"] == "application/binary"


@responses.activate
def test_responses_delete_returns_none_and_accepts_anything(client: CacheAI) -> None:
    responses.delete(f"{BASE}/responses/resp_1", body=b"")
    assert client.responses.delete("resp_1") is None
    assert responses.calls[0].request.headers["Accept"] == "*/*"


@responses.activate
def test_bodyless_post_sends_content_length_zero(client: CacheAI) -> None:
    responses.post(f"{BASE}/batches/b1/cancel", json=_batch(1) | {"status": "cancelling"})
    assert client.batches.cancel("b1").status == "cancelling"
    request = responses.calls[0].request
    assert request.headers["Content-Length"] == "0" and request.body is None


@responses.activate
def test_files_multipart_fields_are_flattened(client: CacheAI) -> None:
    responses.post(
        f"{BASE}/files",
        json={
            "id": "file-1",
            "object": "file",
            "bytes": 3,
            "created_at": 1,
            "filename": "x.jsonl",
            "purpose": "batch",
            "status": "uploaded",
        },
    )
    client.files.create(
        file=("x.jsonl", b"abc"), purpose="batch", expires_after={"anchor": "created_at", "seconds": 3600}
    )
    body = responses.calls[0].request.body
    assert b'name="purpose"\r\n\r\nbatch' in body
    assert b'name="expires_after[anchor]"\r\n\r\ncreated_at' in body
    assert b'name="expires_after[seconds]"\r\n\r\n3600' in body
    assert b'filename="x.jsonl"' in body and b"abc" in body


@responses.activate
def test_file_from_path_uploads_the_file_under_its_name(client: CacheAI, tmp_path: Path) -> None:
    import openai

    path = tmp_path / "prompts.jsonl"
    path.write_bytes(b'{"a": 1}\n')
    assert cacheai.file_from_path(str(path)) == openai.file_from_path(str(path)) == ("prompts.jsonl", path.read_bytes())
    responses.post(
        f"{BASE}/files",
        json={"id": "file-1", "object": "file", "bytes": 9, "created_at": 1, "filename": "prompts.jsonl",
              "purpose": "batch", "status": "uploaded"},
    )  # fmt: skip
    client.files.create(file=cacheai.file_from_path(path), purpose="batch")
    body = responses.calls[0].request.body
    assert b'filename="prompts.jsonl"' in body and b'{"a": 1}\n' in body


@responses.activate
def test_responses_stream_keeps_unknown_and_error_events(client: CacheAI) -> None:
    events = [
        {
            "type": "response.created",
            "sequence_number": 0,
            "response": {
                "id": "resp_1",
                "object": "response",
                "created_at": 1,
                "model": "m",
                "output": [],
                "parallel_tool_calls": True,
                "tool_choice": "auto",
                "tools": [],
            },
        },
        {"type": "response.future_event_kind", "sequence_number": 1, "payload": {"x": 1}},
        {"type": "error", "sequence_number": 2, "code": "server_error", "message": "boom", "param": None},
    ]
    body = "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events)
    responses.post(f"{BASE}/responses", body=body, content_type="text/event-stream")
    received = list(client.responses.create(model="m", input="x", stream=True))
    assert [e.type for e in received] == ["response.created", "response.future_event_kind", "error"]
    assert received[1].payload == {"x": 1}  # an unknown event keeps everything it carried
    assert received[2].message == "boom"


@responses.activate
def test_responses_stream_with_top_level_error_object_raises(client: CacheAI) -> None:
    body = 'data: {"error": {"message": "rate limited", "type": "requests", "code": "rate_limit_exceeded"}}\n\n'
    responses.post(f"{BASE}/responses", body=body, content_type="text/event-stream")
    with pytest.raises(cacheai.APIError, match="rate limited") as info:
        list(client.responses.create(model="m", input="x", stream=True))
    assert info.value.code == "rate_limit_exceeded"


@responses.activate
def test_response_output_text_joins_message_text_parts(client: CacheAI) -> None:
    responses.post(
        f"{BASE}/responses",
        json={
            "id": "resp_1",
            "object": "response",
            "created_at": 1,
            "model": "m",
            "parallel_tool_calls": True,
            "tool_choice": "auto",
            "tools": [],
            "output": [
                {"type": "reasoning", "id": "rs_1", "summary": []},
                {
                    "type": "message",
                    "id": "msg_1",
                    "role": "assistant",
                    "status": "completed",
                    "content": [
                        {"type": "output_text", "text": "Hello, ", "annotations": []},
                        {"type": "output_text", "text": "world", "annotations": []},
                    ],
                },
            ],
        },
    )
    assert client.responses.create(model="m", input="x").output_text == "Hello, world"


@responses.activate
def test_html_body_with_200_is_a_validation_error(client: CacheAI) -> None:
    responses.get(f"{BASE}/models/m", body="<html><title>Login required</title></html>", content_type="text/html")
    with pytest.raises(cacheai.APIResponseValidationError, match="text/html"):
        client.models.retrieve("m")
