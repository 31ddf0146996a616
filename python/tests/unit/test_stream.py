"""``Stream`` through ``chat.completions.create(stream=True)``: items, the end of the stream, errors, closing."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from unittest import mock

import pytest
import requests

import cacheai
from cacheai.types.chat import ChatCompletionChunk

from ._helpers import CHAT_URL, MESSAGES, chunk_json, chunked_body, sse

USAGE = {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}


def open_stream(
    mock_api: Any,
    client: cacheai.CacheAI,
    body: bytes | Sequence[bytes],
    *,
    error: BaseException | None = None,
    **params: Any,
) -> cacheai.Stream[ChatCompletionChunk]:
    chunks = [body] if isinstance(body, bytes) else list(body)
    mock_api.post(CHAT_URL, body=chunked_body(chunks, error), content_type="text/event-stream")
    stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True, **params)
    # Count closes of the HTTP response, whoever does them.
    response = stream.response
    response.close = mock.Mock(wraps=response.close)  # type: ignore[method-assign]
    return stream


def contents(items: Sequence[ChatCompletionChunk]) -> list[str | None]:
    return [c.choices[0].delta.content if c.choices else None for c in items]


STANDARD = sse(
    {**chunk_json(""), "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]},
    chunk_json("Hel"),
    chunk_json("lo"),
    chunk_json(None, finish_reason="stop"),
    "[DONE]",
)


# -- items ---------------------------------------------------------------------------------------------------


def test_items_are_chat_completion_chunks(mock_api, client):
    stream = open_stream(mock_api, client, STANDARD)
    assert isinstance(stream, cacheai.Stream)
    assert isinstance(stream.response, requests.Response)
    items = list(stream)
    assert all(isinstance(item, ChatCompletionChunk) for item in items)
    assert contents(items) == ["", "Hel", "lo", None]
    assert items[0].choices[0].delta.role == "assistant"
    assert items[-1].choices[0].finish_reason == "stop"
    assert items[0].id == "chatcmpl-1"
    assert items[0].object == "chat.completion.chunk"


def test_request_body_says_stream_true(mock_api, client):
    stream = open_stream(mock_api, client, STANDARD, stream_options={"include_usage": True})
    list(stream)
    body = json.loads(mock_api.calls[0].request.body)
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}


def test_usage_only_final_chunk_is_yielded(mock_api, client):
    body = sse(chunk_json("a"), {**chunk_json("x"), "choices": [], "usage": USAGE}, "[DONE]")
    items = list(open_stream(mock_api, client, body))
    assert len(items) == 2
    assert items[0].usage is None
    assert items[1].choices == []
    assert items[1].usage is not None
    assert items[1].usage.total_tokens == 5


def test_unknown_fields_and_values_are_kept(mock_api, client):
    chunk = chunk_json("a", finish_reason="eos_token", timings={"predicted_ms": 1.5})
    chunk["choices"][0]["delta"]["reasoning_content"] = "hmm"
    items = list(open_stream(mock_api, client, sse(chunk, "[DONE]")))
    assert items[0].choices[0].finish_reason == "eos_token"
    assert items[0].timings == {"predicted_ms": 1.5}
    assert items[0].choices[0].delta.reasoning_content == "hmm"


def test_done_ends_the_stream_and_later_events_are_ignored(mock_api, client):
    body = sse(chunk_json("a"), "[DONE]", chunk_json("after"), {"error": {"message": "after"}})
    stream = open_stream(mock_api, client, body)
    assert contents(list(stream)) == ["a"]
    stream.response.close.assert_called()


def test_no_done_at_eof_is_fine(mock_api, client):
    stream = open_stream(mock_api, client, sse(chunk_json("a"), chunk_json("b")))
    assert contents(list(stream)) == ["a", "b"]
    stream.response.close.assert_called()


def test_done_without_trailing_blank_line(mock_api, client):
    assert contents(list(open_stream(mock_api, client, sse(chunk_json("a")) + b"data: [DONE]"))) == ["a"]
    assert contents(list(open_stream(mock_api, client, sse(chunk_json("a")) + b"data: [DONE]\n"))) == ["a"]


def test_last_event_without_blank_line_is_still_yielded(mock_api, client):
    body = sse(chunk_json("a")) + b"data: " + json.dumps(chunk_json("b")).encode()
    assert contents(list(open_stream(mock_api, client, body))) == ["a", "b"]


def test_last_event_ended_by_a_single_newline_is_still_yielded(mock_api, client):
    body = sse(chunk_json("a")) + b"data: " + json.dumps(chunk_json("b")).encode() + b"\n"
    assert contents(list(open_stream(mock_api, client, body))) == ["a", "b"]


def test_comments_and_meta_only_events_yield_nothing(mock_api, client):
    body = (
        b": OPENROUTER PROCESSING\n\n"
        b"retry: 3000\n\n"
        b"id: 1\n\n"
        b"event: ping\ndata:\n\n"
        + sse(chunk_json("a"))
        + b": ping\n\n"
        + sse("[DONE]")
    )
    assert contents(list(open_stream(mock_api, client, body))) == ["a"]


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64])
def test_events_split_across_reads(mock_api, client, size):
    body = STANDARD.replace(b"\n", b"\r\n")
    pieces = [body[i:i + size] for i in range(0, len(body), size)]
    assert contents(list(open_stream(mock_api, client, pieces))) == ["", "Hel", "lo", None]


def test_many_events_in_one_read(mock_api, client):
    body = sse(*[chunk_json(str(i)) for i in range(50)], "[DONE]")
    assert contents(list(open_stream(mock_api, client, [body]))) == [str(i) for i in range(50)]


def test_utf8_split_inside_a_character(mock_api, client):
    body = sse(chunk_json("héllo ✓"), "[DONE]")
    cut = body.index("é".encode()) + 1
    assert contents(list(open_stream(mock_api, client, [body[:cut], body[cut:]]))) == ["héllo ✓"]


# -- errors inside the stream --------------------------------------------------------------------------------


def test_in_stream_error_object_raises_api_error(mock_api, client):
    error = {"message": "context length exceeded", "type": "invalid_request_error", "code": 400, "param": None}
    stream = open_stream(mock_api, client, sse(chunk_json("a"), {"error": error}, chunk_json("b")))
    seen = []
    with pytest.raises(cacheai.APIError) as info:
        for item in stream:
            seen.append(item)
    assert contents(seen) == ["a"]
    exc = info.value
    assert type(exc) is cacheai.APIError
    assert str(exc) == "context length exceeded"
    assert exc.message == "context length exceeded"
    assert exc.type == "invalid_request_error"
    assert exc.code == "400"
    assert exc.param is None
    assert exc.body == error
    assert exc.request is not None
    stream.response.close.assert_called()


def test_in_stream_error_string(mock_api, client):
    stream = open_stream(mock_api, client, sse({"error": "upstream went away"}))
    with pytest.raises(cacheai.APIError, match="upstream went away"):
        list(stream)


def test_in_stream_error_without_message(mock_api, client):
    stream = open_stream(mock_api, client, sse({"error": {"code": "server_error"}}))
    with pytest.raises(cacheai.APIError) as info:
        list(stream)
    assert str(info.value) == "An error occurred during streaming"
    assert info.value.code == "server_error"


def test_event_error_with_json_raises(mock_api, client):
    body = sse(chunk_json("a")) + b'event: error\ndata: {"message": "model crashed", "type": "server_error"}\n\n'
    stream = open_stream(mock_api, client, body)
    with pytest.raises(cacheai.APIError) as info:
        list(stream)
    assert str(info.value) == "model crashed"
    assert info.value.type == "server_error"


def test_event_error_with_error_envelope_raises(mock_api, client):
    body = b'event: error\ndata: {"error": {"message": "overloaded", "code": 529}}\n\n'
    with pytest.raises(cacheai.APIError) as info:
        list(open_stream(mock_api, client, body))
    assert str(info.value) == "overloaded"
    assert info.value.code == "529"


def test_event_error_with_plain_text_raises(mock_api, client):
    with pytest.raises(cacheai.APIError, match="something broke"):
        list(open_stream(mock_api, client, b"event: error\ndata: something broke\n\n"))


@pytest.mark.parametrize(
    "chunk",
    [
        {**chunk_json("a"), "error": None},
        chunk_json('the word "error" in the content'),
        {**chunk_json("a"), "error": {}},
    ],
    ids=["null-error", "error-in-text", "empty-error"],
)
def test_chunks_that_only_look_like_errors_are_yielded(mock_api, client, chunk):
    items = list(open_stream(mock_api, client, sse(chunk, "[DONE]")))
    assert len(items) == 1


def test_http_200_with_empty_body_is_an_api_error(mock_api, client):
    stream = open_stream(mock_api, client, b"")
    with pytest.raises(cacheai.APIError) as info:
        list(stream)
    assert not isinstance(info.value, (cacheai.APIStatusError, cacheai.APIConnectionError))
    stream.response.close.assert_called()


@pytest.mark.parametrize("body", [b"\r\n", b"\n\n", b": ping\n\n", b"retry: 10\n\n"], ids=["crlf", "blank", "comment", "meta"])
def test_a_body_without_any_event_is_an_api_error(mock_api, client, body):
    # llama.cpp's context overflow on a reused connection: HTTP 200, a blank line, and the end; never a success.
    with pytest.raises(cacheai.APIError, match="empty body or no events"):
        list(open_stream(mock_api, client, body))


def test_truncated_final_event_is_a_connection_error(mock_api, client):
    body = sse(chunk_json("a")) + b'data: {"id": "chatcmpl-1", "choi'
    stream = open_stream(mock_api, client, body)
    items = []
    with pytest.raises(cacheai.APIConnectionError):
        for item in stream:
            items.append(item)
    assert contents(items) == ["a"]


def test_non_json_event_is_a_validation_error(mock_api, client):
    stream = open_stream(mock_api, client, sse(chunk_json("a"), "this is not json", chunk_json("b")))
    items = []
    with pytest.raises(cacheai.APIResponseValidationError) as info:
        for item in stream:
            items.append(item)
    assert contents(items) == ["a"]
    assert info.value.status_code == 200
    stream.response.close.assert_called()


@pytest.mark.parametrize(
    "error", [ConnectionResetError("reset by peer"), OSError("network is unreachable")], ids=["reset", "oserror"]
)
def test_connection_break_mid_stream(mock_api, client, sleeps, error):
    stream = open_stream(mock_api, client, [sse(chunk_json("a"))], error=error)
    items = []
    with pytest.raises(cacheai.APIConnectionError) as info:
        for item in stream:
            items.append(item)
    assert type(info.value) is cacheai.APIConnectionError
    assert info.value.__cause__ is not None
    assert contents(items) == ["a"]
    assert len(mock_api.calls) == 1  # never retried once the stream has started
    assert sleeps == []
    stream.response.close.assert_called()


def test_read_timeout_mid_stream(mock_api, client):
    stream = open_stream(mock_api, client, [sse(chunk_json("a"))], error=TimeoutError("timed out"))
    with pytest.raises(cacheai.APITimeoutError) as info:
        list(stream)
    assert info.value.__cause__ is not None
    assert len(mock_api.calls) == 1


# -- iteration and closing -----------------------------------------------------------------------------------


def test_next_works(mock_api, client):
    stream = open_stream(mock_api, client, STANDARD)
    assert next(stream).choices[0].delta.content == ""
    assert next(stream).choices[0].delta.content == "Hel"


def test_iterating_twice_yields_the_rest_only(mock_api, client):
    stream = open_stream(mock_api, client, STANDARD)
    first = next(iter(stream))
    assert first.choices[0].delta.content == ""
    assert contents(list(stream)) == ["Hel", "lo", None]
    assert list(stream) == []
    with pytest.raises(StopIteration):
        next(stream)


def test_response_closed_after_exhaustion(mock_api, client):
    stream = open_stream(mock_api, client, STANDARD)
    list(stream)
    stream.response.close.assert_called()


def test_break_then_close(mock_api, client):
    stream = open_stream(mock_api, client, STANDARD)
    for _item in stream:
        break
    stream.close()
    stream.response.close.assert_called()
    assert stream.response.raw.closed
    assert list(stream) == []


def test_context_manager_closes_the_response(mock_api, client):
    with open_stream(mock_api, client, STANDARD) as stream:
        assert next(stream).choices[0].delta.content == ""
        stream.response.close.assert_not_called()
    stream.response.close.assert_called()
    assert stream.response.raw.closed


def test_context_manager_closes_on_exception(mock_api, client):
    stream = open_stream(mock_api, client, STANDARD)
    with pytest.raises(KeyError), stream:
        next(stream)
        raise KeyError("user code failed")
    stream.response.close.assert_called()


def test_close_before_iterating(mock_api, client):
    stream = open_stream(mock_api, client, STANDARD)
    stream.close()
    stream.response.close.assert_called()
    assert list(stream) == []


def test_closed_when_the_stream_raises(mock_api, client):
    stream = open_stream(mock_api, client, sse({"error": {"message": "x"}}))
    with pytest.raises(cacheai.APIError):
        next(stream)
    stream.response.close.assert_called()


def test_raw_response_parse_gives_a_stream(mock_api, client):
    mock_api.post(CHAT_URL, body=STANDARD, content_type="text/event-stream")
    raw = client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES, stream=True)
    assert raw.status_code == 200
    stream = raw.parse()
    assert isinstance(stream, cacheai.Stream)
    assert contents(list(stream)) == ["", "Hel", "lo", None]


def test_dropped_stream_releases_its_connection(mock_api, client):
    import gc

    stream = open_stream(mock_api, client, STANDARD)
    next(stream)
    close = stream.response.close
    del stream
    gc.collect()
    close.assert_called()


def test_gzip_compressed_stream_in_pieces(mock_api, client):
    import gzip

    compressed = gzip.compress(STANDARD)
    pieces = [compressed[i:i + 5] for i in range(0, len(compressed), 5)]
    mock_api.post(
        CHAT_URL, body=chunked_body(pieces), content_type="text/event-stream", headers={"Content-Encoding": "gzip"}
    )
    stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
    assert contents(list(stream)) == ["", "Hel", "lo", None]
