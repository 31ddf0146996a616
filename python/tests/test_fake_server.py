"""The fake OpenAI-compatible server, exercised through openai's client and cacheai's (proving its shapes)."""

from __future__ import annotations

import base64
import http.client
import json
import math
import socket
import threading
from array import array
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import openai
import pytest
import requests

import cacheai
from cacheai.testing import FakeOpenAIServer, Reply, ToolCall

USER = [{"role": "user", "content": "hello fake world"}]
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "f"]}},
            "required": ["city", "unit"],
        },
    },
}


@pytest.fixture(params=["openai", "cacheai"])
def sdk(request: pytest.FixtureRequest) -> ModuleType:
    return openai if request.param == "openai" else cacheai


@pytest.fixture
def client(sdk: ModuleType, server: FakeOpenAIServer) -> Iterator[Any]:
    made = (
        sdk.OpenAI(base_url=server.base_url, api_key="test-key", max_retries=0)
        if sdk is openai
        else (sdk.CacheAI(base_url=server.base_url, api_key="test-key", max_retries=0))
    )
    yield made
    made.close()


def raw_post(server: FakeOpenAIServer, path: str, body: dict[str, Any]) -> requests.Response:
    return requests.post(server.base_url + path, json=body, stream=True, timeout=10)


def chat_stream(server: FakeOpenAIServer) -> requests.Response:
    return raw_post(server, "/chat/completions", {"model": "m", "messages": USER, "stream": True})


def sse_events(response: requests.Response) -> list[str]:
    """The raw SSE blocks of a response (comments included)."""
    text = response.content.decode()
    return [block for block in text.split("\n\n") if block]


# --- lifecycle and HTTP ---------------------------------------------------------------------------------


def test_base_url_points_at_a_free_local_port_and_stop_closes_it() -> None:
    fake = FakeOpenAIServer().start()
    assert fake.base_url == f"http://127.0.0.1:{fake.port}/v1"
    assert fake.url == f"http://127.0.0.1:{fake.port}"
    port = fake.port
    fake.stop()
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), timeout=5):
        pass
    with pytest.raises(RuntimeError, match="not running"):
        _ = fake.base_url


def test_keep_alive_serves_several_requests_on_one_connection(server: FakeOpenAIServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    request_ids = set()
    sockets = set()
    for _ in range(3):
        connection.request("GET", "/v1/models")
        response = connection.getresponse()
        assert response.status == 200
        assert json.loads(response.read())["object"] == "list"
        request_ids.add(response.getheader("x-request-id"))
        sockets.add(id(connection.sock))
    assert len(sockets) == 1
    connection.close()
    assert len(request_ids) == 3
    assert all(rid.startswith("req_") for rid in request_ids)


def test_unknown_paths_and_bad_json_get_openai_shaped_errors(server: FakeOpenAIServer) -> None:
    missing = requests.get(server.base_url + "/nothing-here", timeout=10)
    assert missing.status_code == 404
    assert set(missing.json()["error"]) == {"message", "type", "param", "code"}
    bad = requests.post(
        server.base_url + "/chat/completions",
        data=b"{not json",
        headers={"content-type": "application/json"},
        timeout=10,
    )
    assert bad.status_code == 400
    assert bad.json()["error"]["type"] == "invalid_request_error"
    wrong_method = requests.delete(server.base_url + "/chat/completions", timeout=10)
    assert wrong_method.status_code == 405


# --- chat completions -----------------------------------------------------------------------------------


def test_chat_echoes_the_last_user_message_with_counted_usage(client: Any, server: FakeOpenAIServer) -> None:
    completion = client.chat.completions.create(model="gpt-4o", messages=USER)
    assert completion.id.startswith("chatcmpl-")
    assert completion.object == "chat.completion"
    assert completion.model == "gpt-4o"
    assert completion.system_fingerprint
    assert completion.choices[0].message.content == "Echo: hello fake world"
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage.prompt_tokens == 3 + 3
    assert completion.usage.completion_tokens == 4
    assert completion.usage.total_tokens == 10
    assert completion._request_id.startswith("req_")


def test_chat_stream_yields_words_and_a_usage_chunk(client: Any) -> None:
    chunks = list(
        client.chat.completions.create(
            model="gpt-4o", messages=USER, stream=True, stream_options={"include_usage": True}
        )
    )
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "Echo: hello fake world"
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert chunks[-1].choices == []
    assert chunks[-1].usage.total_tokens == 10
    assert all(c.usage is None for c in chunks[:-1])
    assert len({c.id for c in chunks}) == 1


def test_chat_honours_n_stop_and_token_limits(client: Any) -> None:
    two = client.chat.completions.create(model="m", messages=USER, n=2)
    assert [c.index for c in two.choices] == [0, 1]
    stopped = client.chat.completions.create(model="m", messages=USER, stop=[" fake"])
    assert stopped.choices[0].message.content == "Echo: hello"
    limited = client.chat.completions.create(model="m", messages=USER, max_completion_tokens=2)
    assert limited.choices[0].message.content == "Echo: hello"
    assert limited.choices[0].finish_reason == "length"
    assert limited.usage.completion_tokens == 2


def test_default_model_calls_a_tool_then_reports_its_result(client: Any) -> None:
    first = client.chat.completions.create(model="m", messages=USER, tools=[WEATHER_TOOL])
    call = first.choices[0].message.tool_calls[0]
    assert first.choices[0].finish_reason == "tool_calls"
    assert call.function.name == "get_weather"
    assert json.loads(call.function.arguments) == {"city": "hello fake world", "unit": "celsius"}
    follow_up = [
        *USER,
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [{"id": call.id, "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}],
        },
        {"role": "tool", "tool_call_id": call.id, "content": "sunny"},
    ]
    second = client.chat.completions.create(model="m", messages=follow_up, tools=[WEATHER_TOOL])
    assert second.choices[0].message.content == "The get_weather tool returned: sunny"
    none = client.chat.completions.create(model="m", messages=USER, tools=[WEATHER_TOOL], tool_choice="none")
    assert none.choices[0].message.content == "Echo: hello fake world"


def test_streamed_tool_call_arguments_reassemble(client: Any, server: FakeOpenAIServer) -> None:
    server.set_reply(Reply(tool_calls=[ToolCall("lookup", {"query": "a fairly long argument"}, id="call_1")]))
    arguments = ""
    names = []
    for chunk in client.chat.completions.create(model="m", messages=USER, stream=True):
        for delta in chunk.choices[0].delta.tool_calls or []:
            names += [delta.function.name] if delta.function.name else []
            arguments += delta.function.arguments or ""
    assert names == ["lookup"]
    assert json.loads(arguments) == {"query": "a fairly long argument"}


# --- scripted replies -----------------------------------------------------------------------------------


def test_set_reply_and_queue_replies(client: Any, server: FakeOpenAIServer) -> None:
    server.set_reply("always this")
    server.queue_replies("first", Reply(content="second", finish_reason="length"))

    def ask() -> Any:
        return client.chat.completions.create(model="m", messages=USER).choices[0]

    first, second, third = ask(), ask(), ask()
    assert first.message.content == "first"
    assert (second.message.content, second.finish_reason) == ("second", "length")
    assert third.message.content == "always this"
    server.set_reply(None)
    assert ask().message.content == "Echo: hello fake world"


def test_callable_reply_receives_the_recorded_request(client: Any, server: FakeOpenAIServer) -> None:
    seen = []

    def reply(request: Any) -> str:
        seen.append(request)
        return request.json()["messages"][-1]["content"].upper()

    server.set_reply(reply)
    answer = client.chat.completions.create(model="m", messages=USER)
    assert answer.choices[0].message.content == "HELLO FAKE WORLD"
    assert seen[0].path == "/v1/chat/completions"


# --- completions, models, embeddings --------------------------------------------------------------------


def test_legacy_completions_plain_and_streamed(client: Any) -> None:
    plain = client.completions.create(model="m", prompt="say this")
    assert plain.object == "text_completion"
    assert plain.choices[0].text == "Echo: say this"
    assert plain.usage.prompt_tokens == 2
    streamed = client.completions.create(
        model="m", prompt="say this", stream=True, stream_options={"include_usage": True}
    )
    chunks = list(streamed)
    assert "".join(c.choices[0].text for c in chunks if c.choices) == "Echo: say this"
    assert chunks[-1].usage.completion_tokens == 3


def test_models_list_and_retrieve(client: Any, sdk: ModuleType) -> None:
    ids = [model.id for model in client.models.list()]
    assert "gpt-4o-mini" in ids
    assert client.models.retrieve("gpt-4o").owned_by == "cacheai-fake"
    with pytest.raises(sdk.NotFoundError) as caught:
        client.models.retrieve("no-such-model")
    assert caught.value.code == "model_not_found"


def test_embeddings_are_deterministic_unit_vectors_in_both_encodings(client: Any) -> None:
    floats = client.embeddings.create(model="e", input=["a", "b"], dimensions=12, encoding_format="float")
    again = client.embeddings.create(model="e", input="a", dimensions=12, encoding_format="float")
    assert len(floats.data) == 2 and len(floats.data[0].embedding) == 12
    assert floats.data[0].embedding == again.data[0].embedding
    assert floats.data[0].embedding != floats.data[1].embedding
    assert math.isclose(math.fsum(v * v for v in floats.data[0].embedding), 1.0, rel_tol=1e-5)
    encoded = client.embeddings.create(model="e", input="a", dimensions=12, encoding_format="base64")
    decoded = array("f", base64.b64decode(encoded.data[0].embedding)).tolist()
    assert decoded == floats.data[0].embedding
    by_default = client.embeddings.create(model="e", input="a", dimensions=12)  # the SDK asks for base64
    assert by_default.data[0].embedding == floats.data[0].embedding
    assert len(client.embeddings.create(model="e", input=[1, 2, 3]).data[0].embedding) == 1536


# --- files and batches ----------------------------------------------------------------------------------


def test_files_round_trip(client: Any, server: FakeOpenAIServer, sdk: ModuleType) -> None:
    created = client.files.create(file=("notes.jsonl", b"{}\n"), purpose="batch")
    assert (created.filename, created.bytes, created.purpose) == ("notes.jsonl", 3, "batch")
    upload = server.last_request
    assert upload.body["purpose"] == "batch" and upload.body["file"] == b"{}\n"
    assert client.files.retrieve(created.id).id == created.id
    assert [f.id for f in client.files.list()] == [created.id]
    assert client.files.content(created.id).content == b"{}\n"
    assert client.files.delete(created.id).deleted is True
    with pytest.raises(sdk.NotFoundError):
        client.files.retrieve(created.id)


def test_batch_moves_through_its_states_and_runs_every_line(client: Any, server: FakeOpenAIServer) -> None:
    lines = [
        {
            "custom_id": "one",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": {"model": "m", "messages": [{"role": "user", "content": "first question"}]},
        },
        {
            "custom_id": "two",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": {"model": "m", "messages": [{"role": "user", "content": "second question"}]},
        },
        {"custom_id": "bad", "method": "POST", "url": "/v1/embeddings", "body": {"input": "x"}},
    ]
    payload = "\n".join(json.dumps(line) for line in lines).encode()
    input_file = client.files.create(file=("in.jsonl", payload), purpose="batch")
    batch = client.batches.create(input_file_id=input_file.id, endpoint="/v1/chat/completions", completion_window="24h")
    assert batch.status == "validating"
    in_progress = client.batches.retrieve(batch.id)
    assert in_progress.status == "in_progress" and in_progress.request_counts.total == 3
    done = client.batches.retrieve(batch.id)
    assert done.status == "completed"
    assert (done.request_counts.completed, done.request_counts.failed) == (2, 1)
    results = [json.loads(line) for line in client.files.content(done.output_file_id).text.splitlines()]
    answers = {r["custom_id"]: r["response"]["body"]["choices"][0]["message"]["content"] for r in results}
    assert answers == {"one": "Echo: first question", "two": "Echo: second question"}
    errors = client.files.content(done.error_file_id).text
    assert "mismatched_url" in errors
    assert [b.id for b in client.batches.list()] == [batch.id]


def test_batch_cancel(client: Any) -> None:
    input_file = client.files.create(file=("in.jsonl", b""), purpose="batch")
    batch = client.batches.create(input_file_id=input_file.id, endpoint="/v1/embeddings", completion_window="24h")
    assert client.batches.cancel(batch.id).status == "cancelling"
    assert client.batches.retrieve(batch.id).status == "cancelled"


# --- responses ------------------------------------------------------------------------------------------


def test_responses_plain_and_streamed(client: Any) -> None:
    response = client.responses.create(model="gpt-4o", input="tell me", instructions="be brief")
    assert response.object == "response" and response.status == "completed"
    assert response.output_text == "Echo: tell me"
    assert response.usage.output_tokens == 3
    events = list(client.responses.create(model="gpt-4o", input="tell me", stream=True))
    assert events[0].type == "response.created"
    assert events[-1].type == "response.completed"
    assert "".join(e.delta for e in events if e.type == "response.output_text.delta") == "Echo: tell me"
    assert [e.sequence_number for e in events] == list(range(len(events)))


def test_created_responses_are_stored_retrieved_and_deleted(client: Any, sdk: ModuleType) -> None:
    created = client.responses.create(model="gpt-4o", input="tell me")
    again = client.responses.retrieve(created.id)
    assert again.id == created.id and again.output_text == "Echo: tell me"
    assert again.model_dump() == created.model_dump()
    assert client.responses.delete(created.id) is None
    with pytest.raises(sdk.NotFoundError, match=created.id):
        client.responses.retrieve(created.id)
    with pytest.raises(sdk.NotFoundError):
        client.responses.delete(created.id)


def test_store_false_responses_are_not_kept(client: Any, sdk: ModuleType) -> None:
    created = client.responses.create(model="gpt-4o", input="tell me", store=False)
    with pytest.raises(sdk.NotFoundError):
        client.responses.retrieve(created.id)


def test_a_stored_response_streams_again(client: Any) -> None:
    created = client.responses.create(model="gpt-4o", input="tell me", stream=True)
    first = list(created)
    response_id = first[-1].response.id
    replayed = list(client.responses.retrieve(response_id, stream=True))
    assert [e.type for e in replayed] == [e.type for e in first]
    after = list(client.responses.retrieve(response_id, stream=True, starting_after=2))
    assert [e.sequence_number for e in after] == list(range(3, len(first)))
    with client.responses.stream(response_id=response_id, starting_after=1) as events:
        seen = [event.sequence_number for event in events]
        final = events.get_final_response()
    assert seen == list(range(2, len(first))) and final.output_text == "Echo: tell me"


def test_input_tokens_are_counted_as_a_response_would_use_them(client: Any, sdk: ModuleType) -> None:
    conversation = [{"role": "user", "content": "how many tokens is this?"}]
    counted = client.responses.input_tokens.count(model="gpt-4o", input=conversation, instructions="Be brief.")
    created = client.responses.create(model="gpt-4o", input=conversation, instructions="Be brief.")
    assert counted.object == "response.input_tokens"
    assert counted.input_tokens == created.usage.input_tokens > 0
    assert client.responses.input_tokens.count(previous_response_id=created.id).input_tokens == 0  # no input
    with pytest.raises(sdk.BadRequestError) as refused:
        client.responses.input_tokens.count(model="gpt-4o", input=3)
    assert refused.value.param == "input"


def test_a_conversation_is_compacted_into_one_item(client: Any, sdk: ModuleType) -> None:
    import base64
    import json

    first = client.responses.create(model="gpt-4o", input="remember the number 7")
    compacted = client.responses.compact(model="gpt-4o", previous_response_id=first.id, input="and then?")
    assert compacted.object == "response.compaction"
    (item,) = compacted.output
    assert item.type == "compaction"
    conversation = json.loads(base64.b64decode(item.encrypted_content))["input"]
    texts = [part["text"] for entry in conversation for part in entry["content"]]
    assert texts == ["remember the number 7", first.output_text, "and then?"]  # stored input, output, new input
    assert compacted.usage.input_tokens > first.usage.input_tokens
    with pytest.raises(sdk.NotFoundError):
        client.responses.compact(model="gpt-4o", previous_response_id="resp_missing")
    with pytest.raises(sdk.BadRequestError) as refused:
        client.responses.compact(model="gpt-4o", input=3)
    assert refused.value.param == "input"
    with pytest.raises(sdk.BadRequestError) as refused:  # was a 404 for the id "7"
        client.responses.compact(model="gpt-4o", previous_response_id=7)
    assert refused.value.param == "previous_response_id"


def test_input_items_of_a_stored_response(client: Any) -> None:
    text = client.responses.create(model="gpt-4o", input="tell me")
    (item,) = client.responses.input_items.list(text.id)
    assert (item.type, item.role, item.content[0].type, item.content[0].text) == (
        "message",
        "user",
        "input_text",
        "tell me",
    )
    conversation = [
        {"role": "user", "content": "one"},
        {"role": "assistant", "content": "two"},
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "three"}]},
    ]
    created = client.responses.create(model="gpt-4o", input=conversation)
    newest_first = [i.content[0].text for i in client.responses.input_items.list(created.id)]
    assert newest_first == ["three", "two", "one"]
    oldest_first = client.responses.input_items.list(created.id, order="asc", limit=2)
    assert [i.content[0].text for i in oldest_first.data] == ["one", "two"] and oldest_first.has_more
    assert [i.content[0].text for i in oldest_first] == ["one", "two", "three"]  # auto-pagination


# --- recording and auth ---------------------------------------------------------------------------------


def test_requests_are_recorded(client: Any, server: FakeOpenAIServer) -> None:
    client.chat.completions.create(model="gpt-4o", messages=USER, temperature=0.5)
    client.models.list()
    chat = server.requests_to("/chat/completions")[0]
    assert (chat.method, chat.path) == ("POST", "/v1/chat/completions")
    assert chat.headers["authorization"] == "Bearer test-key"
    assert chat.json() == {"model": "gpt-4o", "messages": USER, "temperature": 0.5}
    assert server.last_request.method == "GET"
    assert len(server.requests) == 2
    server.clear_requests()
    assert server.requests == []
    with pytest.raises(LookupError):
        _ = server.last_request


def test_query_parameters_are_recorded(server: FakeOpenAIServer) -> None:
    requests.get(server.base_url + "/files?limit=2&purpose=batch", timeout=10)
    assert server.last_request.query == {"limit": "2", "purpose": "batch"}


def test_api_key_is_checked_when_configured(sdk: ModuleType) -> None:
    with FakeOpenAIServer(api_key="sk-right") as fake:
        wrong = sdk.OpenAI if sdk is openai else sdk.CacheAI
        with pytest.raises(sdk.AuthenticationError) as caught:
            wrong(base_url=fake.base_url, api_key="sk-wrong", max_retries=0).models.list()
        assert caught.value.status_code == 401
        assert caught.value.code == "invalid_api_key"
        models = wrong(base_url=fake.base_url, api_key="sk-right", max_retries=0).models.list()
        assert models.data


# --- faults ---------------------------------------------------------------------------------------------


def test_fail_next_sends_openai_errors_with_headers(client: Any, server: FakeOpenAIServer, sdk: ModuleType) -> None:
    server.fail_next(1, 429, headers={"retry-after": "0", "x-ratelimit-remaining-requests": "0"})
    with pytest.raises(sdk.RateLimitError) as caught:
        client.chat.completions.create(model="m", messages=USER)
    assert caught.value.code == "rate_limit_exceeded"
    assert caught.value.response.headers["x-ratelimit-remaining-requests"] == "0"
    assert caught.value.response.headers["x-request-id"].startswith("req_")
    assert client.chat.completions.create(model="m", messages=USER).choices[0].message.content


def test_first_n_failures_are_retried_by_the_client(sdk: ModuleType, server: FakeOpenAIServer) -> None:
    make = sdk.OpenAI if sdk is openai else sdk.CacheAI
    retrying = make(base_url=server.base_url, api_key="k", max_retries=2)
    server.fail_next(2, 503, headers={"retry-after-ms": "1"})
    answer = retrying.chat.completions.create(model="m", messages=USER)
    assert answer.choices[0].message.content == "Echo: hello fake world"
    assert len(server.requests) == 3
    retrying.close()


def test_fail_next_with_custom_body_message_and_path(client: Any, server: FakeOpenAIServer, sdk: ModuleType) -> None:
    server.fail_next(
        1,
        400,
        message="context too long",
        code="context_length_exceeded",
        param="messages",
        path="/chat/completions",
    )
    assert client.models.list().data  # another path is not affected
    with pytest.raises(sdk.BadRequestError) as caught:
        client.chat.completions.create(model="m", messages=USER)
    assert (caught.value.code, caught.value.param) == ("context_length_exceeded", "messages")
    assert "context too long" in str(caught.value)
    server.fail_next(1, 500, body={"detail": "custom shape"})
    raw = requests.get(server.base_url + "/models", timeout=10)
    assert (raw.status_code, raw.json()) == (500, {"detail": "custom shape"})


def test_respond_next_sends_a_raw_response(server: FakeOpenAIServer) -> None:
    server.respond_next(502, "<html>bad gateway</html>", content_type="text/html", headers={"x-proxy": "yes"})
    raw = requests.get(server.base_url + "/models", timeout=10)
    assert (raw.status_code, raw.text, raw.headers["content-type"]) == (
        502,
        "<html>bad gateway</html>",
        "text/html",
    )
    assert raw.headers["x-proxy"] == "yes"
    server.respond_next(200, b"")
    assert requests.get(server.base_url + "/models", timeout=10).content == b""
    assert requests.get(server.base_url + "/models", timeout=10).json()["object"] == "list"


def test_latency_makes_a_short_client_timeout_expire(sdk: ModuleType, server: FakeOpenAIServer) -> None:
    make = sdk.OpenAI if sdk is openai else sdk.CacheAI
    impatient = make(base_url=server.base_url, api_key="k", max_retries=0, timeout=0.2)
    server.set_latency(30)
    with pytest.raises(sdk.APITimeoutError):
        impatient.models.list()
    impatient.close()


def test_set_response_headers_adds_headers_everywhere(server: FakeOpenAIServer) -> None:
    server.set_response_headers({"x-ratelimit-limit-requests": "100"})
    assert requests.get(server.base_url + "/models", timeout=10).headers["x-ratelimit-limit-requests"] == "100"
    stream = chat_stream(server)
    assert stream.headers["x-ratelimit-limit-requests"] == "100"


def test_sse_framing_on_the_wire(server: FakeOpenAIServer) -> None:
    response = chat_stream(server)
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["transfer-encoding"] == "chunked"
    blocks = sse_events(response)
    assert blocks[-1] == "data: [DONE]"
    assert all(block.startswith("data: ") for block in blocks)


def test_stream_keepalive_comments_are_ignored_by_clients(client: Any, server: FakeOpenAIServer) -> None:
    server.set_stream_faults(keepalive_comments=True)
    raw = sse_events(chat_stream(server))
    assert raw.count(": ping") == len(raw) // 2
    text = "".join(
        c.choices[0].delta.content or "" for c in client.chat.completions.create(model="m", messages=USER, stream=True)
    )
    assert text == "Echo: hello fake world"


def test_stream_without_done(client: Any, server: FakeOpenAIServer) -> None:
    server.set_stream_faults(no_done=True, times=2)
    blocks = sse_events(chat_stream(server))
    assert "data: [DONE]" not in blocks and blocks
    chunks = list(client.chat.completions.create(model="m", messages=USER, stream=True))
    assert chunks[-1].choices[0].finish_reason == "stop"
    blocks = sse_events(chat_stream(server))
    assert blocks[-1] == "data: [DONE]"  # `times` ran out


def test_empty_stream_like_llama_cpp_overflow(client: Any, server: FakeOpenAIServer, sdk: ModuleType) -> None:
    server.set_stream_faults(empty=True)
    response = chat_stream(server)
    assert (response.status_code, response.content) == (200, b"")
    assert response.headers["content-type"].startswith("text/event-stream")
    stream = client.chat.completions.create(model="m", messages=USER, stream=True)
    if sdk is cacheai:  # a deliberate difference (README): an empty 200 stream is an error, not "no items"
        with pytest.raises(cacheai.APIError, match="without sending any data"):
            list(stream)
    else:
        assert list(stream) == []


def test_error_event_in_stream(client: Any, server: FakeOpenAIServer, sdk: ModuleType) -> None:
    server.set_stream_faults(error_after=2, error={"message": "model overloaded", "type": "server_error"})
    blocks = sse_events(chat_stream(server))
    assert len(blocks) == 3
    assert json.loads(blocks[-1].removeprefix("data: ")) == {
        "error": {"message": "model overloaded", "type": "server_error"}
    }
    received = []
    with pytest.raises(sdk.APIError, match="model overloaded"):
        for chunk in client.chat.completions.create(model="m", messages=USER, stream=True):
            received.append(chunk)
    assert len(received) == 2


def test_connection_cut_mid_stream(client: Any, server: FakeOpenAIServer, sdk: ModuleType) -> None:
    server.set_stream_faults(cut_after=2)
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        chat_stream(server).content  # noqa: B018
    received = []
    with pytest.raises(sdk.APIConnectionError):
        for chunk in client.chat.completions.create(model="m", messages=USER, stream=True):
            received.append(chunk)
    assert len(received) == 2


def test_stalled_stream_times_out_the_client(sdk: ModuleType, server: FakeOpenAIServer) -> None:
    make = sdk.OpenAI if sdk is openai else sdk.CacheAI
    impatient = make(base_url=server.base_url, api_key="k", max_retries=0, timeout=0.3)
    server.set_stream_faults(stall_after=1)
    received = []
    with pytest.raises(sdk.APITimeoutError):
        for chunk in impatient.chat.completions.create(model="m", messages=USER, stream=True):
            received.append(chunk)
    assert len(received) == 1
    impatient.close()


def test_stop_does_not_wait_for_a_stalled_stream() -> None:
    fake = FakeOpenAIServer().start()
    fake.set_stream_faults(stall_after=1, stall_timeout=600)
    response = raw_post(fake, "/chat/completions", {"model": "m", "messages": USER, "stream": True})
    first_line = next(response.iter_lines())
    assert first_line.startswith(b"data: ")
    stopper = threading.Thread(target=fake.stop)
    stopper.start()
    stopper.join(timeout=30)
    assert not stopper.is_alive()
    response.close()


def test_stream_faults_apply_to_responses_and_completions(client: Any, server: FakeOpenAIServer) -> None:
    server.set_stream_faults(keepalive_comments=True, chunk_delay=0.001)
    blocks = sse_events(raw_post(server, "/responses", {"model": "m", "input": "hi", "stream": True}))
    assert ": ping" in blocks
    assert any(block.startswith("event: response.completed\n") for block in blocks)
    assert not any("[DONE]" in block for block in blocks)  # the Responses API never sends [DONE]
    text = "".join(c.choices[0].text for c in client.completions.create(model="m", prompt="hi", stream=True))
    assert text == "Echo: hi"


def test_reset_forgets_faults_replies_and_records(client: Any, server: FakeOpenAIServer) -> None:
    server.set_reply("scripted")
    server.fail_next(3, 500)
    server.set_latency(5)
    server.set_stream_faults(cut_after=0)
    server.reset()
    assert server.requests == []
    assert client.chat.completions.create(model="m", messages=USER).choices[0].message.content.startswith("Echo")
    chunks = list(client.chat.completions.create(model="m", messages=USER, stream=True))
    assert chunks[-1].choices[0].finish_reason == "stop"


def test_drop_next_closes_the_connection_without_an_answer(sdk: ModuleType, server: FakeOpenAIServer) -> None:
    make = sdk.OpenAI if sdk is openai else sdk.CacheAI
    no_retry = make(base_url=server.base_url, api_key="k", max_retries=0)
    server.drop_next(1)
    with pytest.raises(sdk.APIConnectionError):
        no_retry.models.list()
    retrying = no_retry.with_options(max_retries=1)
    server.drop_next(1, path="/models")
    assert retrying.models.list().data
    assert [r.path for r in server.requests] == ["/v1/models"] * 3
    no_retry.close()


def test_clients_reconnect_after_the_server_closes_idle_connections(client: Any, server: FakeOpenAIServer) -> None:
    assert client.models.list().data
    server.close_connections()
    assert client.chat.completions.create(model="m", messages=USER).choices[0].message.content


def test_a_failing_reply_callable_is_a_500_and_is_reported() -> None:
    def broken(request: Any) -> str:
        raise ValueError("bug in the test's callable")

    with FakeOpenAIServer() as fake:
        fake.set_reply(broken)
        raw = chat_stream(fake)
        assert raw.status_code == 500
        assert "bug in the test's callable" in raw.json()["error"]["message"]
        assert [type(error) for error in fake.errors] == [ValueError]


# --- validation like OpenAI's ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message", "param", "code"),
    [
        ({"model": "m"}, "Missing required parameter: 'messages'.", "messages", "missing_required_parameter"),
        (
            {"model": "m", "messages": "hello"},
            "Invalid type for 'messages': expected an array of objects, but got a string instead.",
            "messages",
            "invalid_type",
        ),
        (
            {"model": "m", "messages": []},
            "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
            "messages",
            "empty_array",
        ),
        (
            {"model": "m", "messages": ["hello"]},
            "Invalid type for 'messages[0]': expected an object, but got a string instead.",
            "messages[0]",
            "invalid_type",
        ),
        (
            {"model": "m", "messages": [{"content": "hi"}]},
            "Missing required parameter: 'messages[0].role'.",
            "messages[0].role",
            "missing_required_parameter",
        ),
        (
            {"model": "m", "messages": [*USER, {"role": "robot", "content": "hi"}]},
            "Invalid value: 'robot'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and"
            " 'developer'.",
            "messages[1].role",
            "invalid_value",
        ),
        ({"messages": USER}, "you must provide a model parameter", "model", "missing_required_parameter"),
        (
            {"model": 4, "messages": USER},
            "Invalid type for 'model': expected a string, but got an integer instead.",
            "model",
            "invalid_type",
        ),
        (
            {"model": "m", "messages": USER, "temperature": "hot"},
            "Invalid type for 'temperature': expected a decimal, but got a string instead.",
            "temperature",
            "invalid_type",
        ),
        (
            {"model": "m", "messages": USER, "max_tokens": True},
            "Invalid type for 'max_tokens': expected an integer, but got a boolean instead.",
            "max_tokens",
            "invalid_type",
        ),
    ],
)
def test_chat_requests_are_validated_like_openai(
    server: FakeOpenAIServer, body: dict[str, Any], message: str, param: str, code: str
) -> None:
    response = raw_post(server, "/chat/completions", body)
    assert response.status_code == 400
    assert response.json() == {
        "error": {"message": message, "type": "invalid_request_error", "param": param, "code": code}
    }


def test_completions_validate_model_and_scalars(server: FakeOpenAIServer) -> None:
    response = raw_post(server, "/completions", {"model": "m", "prompt": "hi", "n": 1.5})
    assert response.status_code == 400
    assert response.json()["error"]["param"] == "n"
    assert raw_post(server, "/completions", {"model": "m", "prompt": "hi", "n": 2}).status_code == 200


def test_sdks_raise_bad_request_for_an_unknown_role(client: Any, sdk: ModuleType) -> None:
    with pytest.raises(sdk.BadRequestError) as caught:
        client.chat.completions.create(model="m", messages=[{"role": "robot", "content": "hi"}])
    assert caught.value.status_code == 400
    assert caught.value.param == "messages[0].role"
    assert caught.value.code == "invalid_value"


def test_a_reply_callable_returning_none_is_a_clear_error() -> None:
    def forgot_to_return(request: Any) -> str:
        request.json()  # no return: a common slip in a test's reply function
        return None  # type: ignore[return-value]

    with FakeOpenAIServer() as fake:
        fake.set_reply(forgot_to_return)
        client = cacheai.CacheAI(base_url=fake.base_url, api_key="k", max_retries=0)
        with pytest.raises(cacheai.InternalServerError) as caught:
            client.chat.completions.create(model="m", messages=USER)
        expected = (
            "the reply callable test_a_reply_callable_returning_none_is_a_clear_error.<locals>.forgot_to_return"
            " returned NoneType; it must return a str or a Reply"
        )
        assert expected in caught.value.message
        assert [str(error) for error in fake.errors] == [expected]
