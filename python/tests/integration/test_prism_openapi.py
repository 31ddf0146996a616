"""cacheai's requests and types against OpenAI's published OpenAPI spec, served by the Prism mock server.

Prism validates every request against the spec (a 422 lists what is wrong with it) and answers placeholder
responses with every optional field of the schema filled in. Each test sends one call covering a group of
parameters through cacheai, fails with Prism's validation errors if the spec rejects it, and checks that the
response fits cacheai's types: it re-validates with pydantic, and it may keep no field as an untyped extra
that ``openai`` (run on the same call as the reference) has a type for. Prism cannot stream; streaming is
proven against LiteLLM and llama.cpp.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import openai
import pydantic
import pytest
import requests
import requests.adapters
from server_process import RunningServer

import cacheai
from cacheai import CacheAI
from cacheai.batch import BatchConfig, BatchRequest
from cacheai.testing import FakeOpenAIServer

COMPAT_SERVER = "Prism (OpenAI OpenAPI spec)"
pytestmark = pytest.mark.servers

T = TypeVar("T")
USER = [{"role": "user", "content": "Hello"}]
WEATHER_PARAMETERS = {
    "type": "object",
    "properties": {
        "location": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "country": {"type": "string"}},
            "required": ["city", "country"],
            "additionalProperties": False,
        },
        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
        "days": {"type": "array", "items": {"type": "integer", "minimum": 1}},
    },
    "required": ["location", "unit", "days"],
    "additionalProperties": False,
}
PERSON_SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "age": {"type": "integer"},
        "pets": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"kind": {"type": "string"}},
                "required": ["kind"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["name", "age", "pets"],
    "additionalProperties": False,
}


@pytest.fixture(scope="module")
def client(prism: RunningServer) -> CacheAI:
    return CacheAI(base_url=prism.base_url, api_key=prism.api_key, max_retries=0)


@pytest.fixture(scope="module")
def reference(prism: RunningServer) -> openai.OpenAI:
    return openai.OpenAI(base_url=prism.base_url, api_key=prism.api_key, max_retries=0)


def accepted(call: Callable[[], T]) -> T:
    """Run ``call``; if Prism rejects the request, fail with its list of validation errors."""
    try:
        return call()
    except cacheai.UnprocessableEntityError as error:
        body = error.body if isinstance(error.body, dict) else {}
        problems = json.dumps(body.get("validation", error.body), indent=2)
        pytest.fail(f"OpenAI's spec rejects cacheai's request:\n{problems}", pytrace=False)


def untyped_fields(value: Any, path: str = "$") -> Iterator[str]:
    """The paths of every field a response model kept as an untyped extra, recursively."""
    if isinstance(value, pydantic.BaseModel):
        for name in value.model_extra or {}:
            yield f"{path}.{name}"
        for name in type(value).model_fields:
            yield from untyped_fields(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from untyped_fields(item, f"{path}[]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from untyped_fields(item, f"{path}[{key!r}]")


def check_types(result: Any, openai_result: Any) -> None:
    """``result`` validates against its own cacheai type and types every field openai's types cover."""
    assert isinstance(result, cacheai.BaseModel)
    type(result).model_validate(result.to_dict(mode="json"))
    missing = set(untyped_fields(result)) - set(untyped_fields(openai_result))
    assert not missing, f"fields of OpenAI's spec that cacheai keeps untyped (openai types them): {sorted(missing)}"


def conforms(client: CacheAI, reference: openai.OpenAI, call: Callable[[Any], Any]) -> Any:
    """Send ``call`` through cacheai (must be accepted by the spec) and openai, and compare the parsed types."""
    result = accepted(lambda: call(client))
    check_types(result, call(reference))
    return result


# --- chat completions ----------------------------------------------------------------------------------


@pytest.mark.compat("Chat completion")
def test_chat_minimal(client: CacheAI, reference: openai.OpenAI) -> None:
    completion = conforms(client, reference, lambda c: c.chat.completions.create(model="gpt-4o", messages=USER))
    assert completion.object == "chat.completion"
    assert completion.choices[0].message.role == "assistant"


@pytest.mark.compat("Request parameters conform to the spec")
def test_chat_every_scalar_parameter(client: CacheAI, reference: openai.OpenAI) -> None:
    conforms(
        client,
        reference,
        lambda c: c.chat.completions.create(
            model="gpt-4o",
            messages=USER,
            audio={"format": "mp3", "voice": "alloy"},
            frequency_penalty=0.5,
            logit_bias={"50256": -100},
            logprobs=True,
            top_logprobs=3,
            max_completion_tokens=100,
            max_tokens=100,
            metadata={"purpose": "spec-test"},
            modalities=["text", "audio"],
            n=2,
            parallel_tool_calls=False,
            prediction={"type": "content", "content": "Hello there"},
            presence_penalty=-0.5,
            prompt_cache_key="cache-key-1",
            prompt_cache_retention="24h",
            reasoning_effort="low",
            safety_identifier="user-hash-1",
            seed=42,
            service_tier="auto",
            stop=["\n\n", "END"],
            store=True,
            temperature=0.2,
            top_p=0.9,
            user="user-1",
            verbosity="low",
            web_search_options={
                "search_context_size": "low",
                "user_location": {"type": "approximate", "approximate": {"city": "Paris"}},
            },
        ),
    )


@pytest.mark.compat("Request parameters conform to the spec")
def test_chat_tools_and_tool_messages(client: CacheAI, reference: openai.OpenAI) -> None:
    messages: list[dict[str, Any]] = [
        {"role": "user", "content": "Weather in Paris for 2 days?"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"location":{"city":"Paris","country":"FR"}}'},
                },
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": '{"temperature": 21}'},
    ]
    tools: list[dict[str, Any]] = [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "Weather forecast",
                "parameters": WEATHER_PARAMETERS,
                "strict": True,
            },
        },
        {
            "type": "custom",
            "custom": {
                "name": "sql",
                "description": "Run SQL",
                "format": {"type": "grammar", "grammar": {"syntax": "lark", "definition": "start: /SELECT .+/"}},
            },
        },
    ]
    conforms(
        client,
        reference,
        lambda c: c.chat.completions.create(
            model="gpt-4o",
            messages=messages,
            tools=tools,
            tool_choice={"type": "function", "function": {"name": "get_weather"}},
        ),
    )
    conforms(
        client,
        reference,
        lambda c: c.chat.completions.create(
            model="gpt-4o",
            messages=messages,
            tools=tools,
            tool_choice="required",
        ),
    )
    conforms(
        client,
        reference,
        lambda c: c.chat.completions.create(
            model="gpt-4o",
            messages=messages,
            tools=tools,
            tool_choice={
                "type": "allowed_tools",
                "allowed_tools": {"mode": "auto", "tools": [{"type": "function", "function": {"name": "get_weather"}}]},
            },
        ),
    )


@pytest.mark.compat("Request parameters conform to the spec")
def test_chat_response_format_json_schema(client: CacheAI, reference: openai.OpenAI) -> None:
    conforms(
        client,
        reference,
        lambda c: c.chat.completions.create(
            model="gpt-4o",
            messages=USER,
            response_format={
                "type": "json_schema",
                "json_schema": {"name": "person", "description": "A person", "schema": PERSON_SCHEMA, "strict": True},
            },
        ),
    )
    conforms(
        client,
        reference,
        lambda c: c.chat.completions.create(
            model="gpt-4o",
            messages=USER,
            response_format={"type": "json_object"},
        ),
    )
    conforms(
        client,
        reference,
        lambda c: c.chat.completions.create(
            model="gpt-4o",
            messages=USER,
            response_format={"type": "text"},
        ),
    )


@pytest.mark.compat("Request parameters conform to the spec")
def test_chat_content_parts_and_roles(client: CacheAI, reference: openai.OpenAI) -> None:
    messages: list[dict[str, Any]] = [
        {"role": "developer", "content": [{"type": "text", "text": "Be brief."}], "name": "dev"},
        {"role": "system", "content": [{"type": "text", "text": "You are helpful."}]},
        {
            "role": "user",
            "name": "alice",
            "content": [
                {"type": "text", "text": "What is in these?"},
                {"type": "image_url", "image_url": {"url": "https://example.com/cat.png", "detail": "high"}},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
                {"type": "input_audio", "input_audio": {"data": "UklGRg==", "format": "wav"}},
                {"type": "file", "file": {"file_id": "file-abc123"}},
                {
                    "type": "file",
                    "file": {"filename": "notes.pdf", "file_data": "data:application/pdf;base64,JVBERi0="},
                },
            ],
        },
        {
            "role": "assistant",
            "content": [
                {"type": "text", "text": "A cat."},
            ],
            "name": "bot",
        },
        {"role": "assistant", "content": [{"type": "refusal", "refusal": "I can't."}]},
        {"role": "assistant", "audio": {"id": "audio_1"}},
        {"role": "function", "name": "legacy_fn", "content": "42"},
    ]
    conforms(client, reference, lambda c: c.chat.completions.create(model="gpt-4o", messages=messages))


@pytest.mark.compat("Request parameters conform to the spec")
def test_chat_legacy_functions(client: CacheAI, reference: openai.OpenAI) -> None:
    conforms(
        client,
        reference,
        lambda c: c.chat.completions.create(
            model="gpt-4o",
            messages=USER,
            functions=[{"name": "get_weather", "description": "Weather", "parameters": WEATHER_PARAMETERS}],
            function_call={"name": "get_weather"},
        ),
    )


@pytest.mark.compat("Stored chat completions")
def test_stored_chat_completions(client: CacheAI, reference: openai.OpenAI) -> None:
    conforms(client, reference, lambda c: c.chat.completions.retrieve("chatcmpl-1"))
    conforms(client, reference, lambda c: c.chat.completions.update("chatcmpl-1", metadata={"tag": "x"}))
    conforms(client, reference, lambda c: c.chat.completions.delete("chatcmpl-1"))
    page = conforms(
        client,
        reference,
        lambda c: c.chat.completions.list(
            after="chatcmpl-0", limit=5, metadata={"tag": "x"}, model="gpt-4o", order="desc"
        ),
    )
    assert page.data
    messages = conforms(
        client, reference, lambda c: c.chat.completions.messages.list("chatcmpl-1", after="msg-0", limit=5, order="asc")
    )
    assert messages.data


# --- legacy completions, models, embeddings --------------------------------------------------------------


@pytest.mark.compat("Legacy completions")
@pytest.mark.compat("Request parameters conform to the spec")
def test_completions_every_parameter(client: CacheAI, reference: openai.OpenAI) -> None:
    completion = conforms(
        client,
        reference,
        lambda c: c.completions.create(
            model="gpt-3.5-turbo-instruct",
            prompt="Once upon a time",
            best_of=2,
            echo=True,
            frequency_penalty=0.1,
            logit_bias={"50256": -100},
            logprobs=2,
            max_tokens=16,
            n=1,
            presence_penalty=0.1,
            seed=7,
            stop="\n",
            suffix=" The end.",
            temperature=0.5,
            top_p=0.9,
            user="user-1",
        ),
    )
    assert completion.object == "text_completion"
    for prompt in (["a", "b"], [1, 2, 3], [[1, 2], [3]]):
        conforms(
            client,
            reference,
            lambda c, prompt=prompt: c.completions.create(  # type: ignore[misc]
                model="gpt-3.5-turbo-instruct", prompt=prompt
            ),
        )


@pytest.mark.compat("Models list and retrieve")
def test_models(client: CacheAI, reference: openai.OpenAI) -> None:
    page = conforms(client, reference, lambda c: c.models.list())
    assert page.data[0].object == "model"
    conforms(client, reference, lambda c: c.models.retrieve("gpt-4o"))
    conforms(client, reference, lambda c: c.models.delete("ft:gpt-4o:org:custom:id"))


@pytest.mark.compat("Embeddings")
@pytest.mark.compat("Request parameters conform to the spec")
def test_embeddings_every_input_shape(client: CacheAI, reference: openai.OpenAI) -> None:
    inputs: list[Any] = ["hello", ["hello", "world"], [1, 2, 3], [[1, 2], [3, 4]]]
    for value in inputs:
        response = conforms(
            client, reference, lambda c, value=value: c.embeddings.create(model="text-embedding-3-small", input=value)
        )
        assert isinstance(response.data[0].embedding, list)
    conforms(
        client,
        reference,
        lambda c: c.embeddings.create(
            model="text-embedding-3-small", input="hi", dimensions=256, encoding_format="float", user="u"
        ),
    )


# --- files and batches -----------------------------------------------------------------------------------


@pytest.mark.compat("Files")
def test_files(client: CacheAI, reference: openai.OpenAI) -> None:
    jsonl = b'{"custom_id": "1", "method": "POST", "url": "/v1/chat/completions", "body": {}}\n'
    uploaded = conforms(
        client,
        reference,
        lambda c: c.files.create(
            file=("requests.jsonl", jsonl, "application/jsonl"),
            purpose="batch",
            expires_after={"anchor": "created_at", "seconds": 3600},
        ),
    )
    assert uploaded.object == "file"
    conforms(client, reference, lambda c: c.files.retrieve("file-abc123"))
    conforms(client, reference, lambda c: c.files.list(after="file-0", limit=10, order="asc", purpose="batch"))
    conforms(client, reference, lambda c: c.files.delete("file-abc123"))
    # openai (and so cacheai) asks for "Accept: application/binary"; the spec declares only JSON, which Prism
    # enforces with a 406, so the content request says what the spec offers.
    content = accepted(lambda: client.files.content("file-abc123", extra_headers={"Accept": "application/json"}))
    assert isinstance(content.content, bytes) and content.content


@pytest.mark.compat("Batches")
def test_batches(client: CacheAI, reference: openai.OpenAI) -> None:
    batch = conforms(
        client,
        reference,
        lambda c: c.batches.create(
            completion_window="24h",
            endpoint="/v1/chat/completions",
            input_file_id="file-abc123",
            metadata={"job": "nightly"},
            output_expires_after={"anchor": "created_at", "seconds": 86400},
        ),
    )
    assert batch.object == "batch"
    conforms(client, reference, lambda c: c.batches.retrieve("batch_abc123"))
    conforms(client, reference, lambda c: c.batches.list(after="batch_0", limit=5))
    conforms(client, reference, lambda c: c.batches.cancel("batch_abc123"))


# --- the Batch API workflow (cacheai.batch) --------------------------------------------------------------


class RecordingAdapter(requests.adapters.HTTPAdapter):
    """Keeps every request cacheai put on the wire (method, URL, headers, body) before sending it."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[requests.PreparedRequest] = []

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        self.sent.append(request.copy())
        return super().send(request, *args, **kwargs)


@pytest.mark.compat("Batches")
def test_batch_workflow_requests_sent_to_prism_are_accepted(client: CacheAI) -> None:
    # Prism answers example bodies (every batch is "validating" with id "string"), so the workflow runs as far as
    # the spec's answers let it: the uploads and creations of a job split in two, and its status checks.
    batch_requests = [
        BatchRequest(prompt="Hello", model="gpt-4o-mini", max_tokens=5),
        BatchRequest(messages=USER, model="gpt-4o", temperature=0.2, custom_id="mine"),
        BatchRequest(prompt="Bye", model="gpt-4o-mini"),
    ]
    job = accepted(lambda: client.submit_batch_job(batch_requests, metadata={"run": "ci"}, max_batch_size=2))
    assert job.request_count == 3 and len(job.batch_ids) == 2 and job.job_id.startswith("cacheai-job:")
    status = accepted(lambda: client.get_batch_status(job.job_id))
    assert status.status == "validating" and len(status.batches) == 2
    with pytest.raises(TimeoutError):
        accepted(lambda: client.wait_for_batch(job.job_id, timeout=0.0))


@pytest.mark.compat("Batches")
@pytest.mark.compat("Request parameters conform to the spec")
def test_every_request_of_the_batch_workflow_conforms(prism: RunningServer) -> None:
    # The whole workflow (split submission, status, wait, ordered results with the error file, file deletion) runs
    # against the fake server, which plays a real batch through; every request it sent is then replayed, byte for
    # byte, to Prism, which must accept each one (a 422 lists what the spec forbids).
    recorder = RecordingAdapter()
    session = requests.Session()
    session.mount("http://", recorder)
    with FakeOpenAIServer() as fake:
        fake.set_batch_faults(fail_custom_ids={"request-1"})
        config = BatchConfig(polling_interval=0.0, max_batch_size=2)
        with CacheAI(base_url=fake.base_url, api_key="sk-fake", http_client=session, batch=config) as local:
            batch_requests = [BatchRequest(prompt=f"p{i}", model="gpt-4o-mini", max_tokens=5) for i in range(3)]
            job = local.submit_batch_job(batch_requests, metadata={"run": "ci"})
            local.wait_for_batch(job.job_id)
            results = local.retrieve_batch_results(job.job_id, delete_files=True)
        assert [type(r).__name__ for r in results] == ["ModelResponse", "BatchItemError", "ModelResponse"]
        prefix = fake.base_url
    operations = sorted(
        {f"{r.method} {re.sub(r'/(file|batch)[-_][0-9a-z]+', '/{id}', _path(r, prefix))}" for r in recorder.sent}
    )
    assert operations == [
        "DELETE /files/{id}",
        "GET /batches/{id}",
        "GET /files/{id}/content",
        "POST /batches",
        "POST /files",
    ]
    with requests.Session() as replay:
        for sent in recorder.sent:
            headers = {k: v for k, v in sent.headers.items() if k.lower() not in ("host", "content-length")}
            headers["Authorization"] = f"Bearer {prism.api_key}"
            if sent.url is not None and sent.url.endswith("/content"):
                headers["Accept"] = "application/json"  # the spec declares only JSON (see test_files)
            answer = replay.request(
                str(sent.method), prism.base_url + _path(sent, prefix), headers=headers, data=sent.body, timeout=60
            )
            assert answer.status_code < 400, (
                f"OpenAI's spec rejects {sent.method} {_path(sent, prefix)} ({answer.status_code}):\n{answer.text}"
            )
        # The replay is validated: the same creation with a window the spec does not allow is refused.
        create = next(r for r in recorder.sent if r.method == "POST" and _path(r, prefix) == "/batches")
        body = {**json.loads(create.body or b"{}"), "completion_window": "1h"}
        refused = replay.post(
            prism.base_url + "/batches", json=body, headers={"Authorization": f"Bearer {prism.api_key}"}, timeout=60
        )
        assert refused.status_code == 422


def _path(sent: requests.PreparedRequest, prefix: str) -> str:
    assert sent.url is not None and sent.url.startswith(prefix)
    return sent.url[len(prefix) :]


# --- responses -------------------------------------------------------------------------------------------


@pytest.mark.compat("Responses API")
@pytest.mark.compat("Request parameters conform to the spec")
def test_responses_create_with_items_tools_and_text_format(client: CacheAI, reference: openai.OpenAI) -> None:
    response = conforms(
        client,
        reference,
        lambda c: c.responses.create(
            model="gpt-4o",
            instructions="Answer in JSON.",
            input=[
                # A message with a list of content parts matches two of the spec's oneOf branches (EasyInputMessage
                # and InputMessage), so Prism rejects any such message: content parts are covered in the chat tests.
                {"role": "user", "content": "Describe the weather"},
                {"type": "message", "role": "developer", "content": "Be brief."},
                {"type": "function_call", "call_id": "call_1", "name": "get_weather", "arguments": "{}"},
                {"type": "function_call_output", "call_id": "call_1", "output": '{"temperature": 21}'},
            ],
            tools=[
                {"type": "function", "name": "get_weather", "parameters": WEATHER_PARAMETERS, "strict": True},
                {"type": "web_search"},
                {"type": "file_search", "vector_store_ids": ["vs_1"]},
            ],
            tool_choice="auto",
            text={"format": {"type": "json_schema", "name": "person", "schema": PERSON_SCHEMA, "strict": True}},
            reasoning={"effort": "low", "summary": "auto"},
            include=["message.output_text.logprobs"],
            max_output_tokens=200,
            metadata={"k": "v"},
            parallel_tool_calls=True,
            previous_response_id="resp_0",
            prompt_cache_key="key",
            service_tier="auto",
            store=True,
            temperature=0.3,
            top_p=0.9,
            truncation="auto",
            background=False,
            safety_identifier="user-hash",
        ),
    )
    assert response.object == "response"
    conforms(client, reference, lambda c: c.responses.create(model="gpt-4o", input="Just a string"))


@pytest.mark.compat("Responses API")
def test_responses_other_operations(client: CacheAI, reference: openai.OpenAI) -> None:
    conforms(client, reference, lambda c: c.responses.retrieve("resp_1", include=["message.output_text.logprobs"]))
    conforms(client, reference, lambda c: c.responses.cancel("resp_1"))
    conforms(
        client,
        reference,
        lambda c: c.responses.input_items.list(
            "resp_1", after="item_0", limit=5, order="asc", include=["message.output_text.logprobs"]
        ),
    )
    assert accepted(lambda: client.responses.delete("resp_1")) is None
    counted = conforms(
        client,
        reference,
        lambda c: c.responses.input_tokens.count(
            model="gpt-4o",
            input=[{"role": "user", "content": "How many tokens is this?"}],
            instructions="Be brief.",
            tools=[{"type": "function", "name": "lookup", "parameters": {"type": "object"}, "strict": False}],
            truncation="auto",
        ),
    )
    assert isinstance(counted.input_tokens, int)
    compacted = accepted(
        lambda: client.responses.compact(
            model="gpt-4o", input=[{"role": "user", "content": "Hi"}], instructions="Be brief.", service_tier="auto"
        )
    )
    # (not `conforms`: the spec's example answer holds user messages among the output items, which openai's own
    # `ResponseOutputItem` types do not allow; the answer's types are compared by the differential suite)
    assert isinstance(compacted, cacheai.types.responses.CompactedResponse)
    assert compacted.object == "response.compaction"


# --- errors ----------------------------------------------------------------------------------------------


@pytest.mark.compat("422 validation error → UnprocessableEntityError")
def test_invalid_request_is_rejected_with_422(client: CacheAI) -> None:
    # Proves the validation above is live: Prism must reject what the spec forbids.
    with pytest.raises(cacheai.UnprocessableEntityError) as caught:
        client.chat.completions.create(model="gpt-4o", messages=[])
    assert caught.value.status_code == 422
    assert isinstance(caught.value.body, dict)
    assert any("messages" in item["location"] for item in caught.value.body["validation"])


@pytest.mark.compat("429 → RateLimitError (Retry-After)")
def test_declared_429_is_rate_limit_error(client: CacheAI) -> None:
    with pytest.raises(cacheai.RateLimitError) as caught:
        client.chat.completions.create(model="gpt-4o", messages=USER, extra_headers={"Prefer": "code=429"})
    assert caught.value.status_code == 429


@pytest.mark.compat("401 → AuthenticationError")
def test_missing_key_is_authentication_error(prism: RunningServer) -> None:
    # Prism demands a bearer token; cacheai sends none to a non-OpenAI base URL without a key.
    keyless = CacheAI(base_url=prism.base_url, max_retries=0)
    with pytest.raises(cacheai.AuthenticationError) as caught:
        keyless.models.list()
    assert caught.value.status_code == 401
