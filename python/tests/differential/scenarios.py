"""The differential scenarios: user code written for openai, and the replies a server gives it.

Every scenario is run with ``openai.OpenAI`` and with ``cacheai.CacheAI`` (see test_openai_vs_cacheai.py).
Replies use ``retry-after-ms`` where a retry happens so that both clients wait only milliseconds.
"""

from __future__ import annotations

import base64
import struct
from typing import Any

from differential_harness import Scenario, headers, sse
from recording_server import Reply

USER = [{"role": "user", "content": "Hi"}]
FAST_RETRY = headers(retry_after_ms="5")


def chat_completion(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1700000000,
        "model": "gpt-4o-mini",
        "system_fingerprint": "fp_1",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "logprobs": None,
                "message": {"role": "assistant", "content": "Hello!", "refusal": None},
            }
        ],
        "usage": {
            "prompt_tokens": 5,
            "completion_tokens": 2,
            "total_tokens": 7,
            "prompt_tokens_details": {"cached_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0},
        },
    }
    body.update(overrides)
    return body


def chunk(delta: dict[str, Any], finish_reason: str | None = None, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1700000000,
        "model": "gpt-4o-mini",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }
    body.update(overrides)
    return body


COMPLETION = {
    "id": "cmpl-1",
    "object": "text_completion",
    "created": 1700000000,
    "model": "gpt-3.5-turbo-instruct",
    "choices": [{"index": 0, "text": " there", "finish_reason": "length", "logprobs": None}],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}
MODEL = {"id": "gpt-4o", "object": "model", "created": 1700000000, "owned_by": "openai"}
FILE = {
    "id": "file-1",
    "object": "file",
    "bytes": 12,
    "created_at": 1700000000,
    "filename": "data.jsonl",
    "purpose": "batch",
    "status": "processed",
    "expires_at": None,
}
BATCH = {
    "id": "batch_1",
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "input_file_id": "file-1",
    "completion_window": "24h",
    "status": "validating",
    "created_at": 1700000000,
    "request_counts": {"total": 0, "completed": 0, "failed": 0},
    "metadata": {"k": "v"},
}
RESPONSE = {
    "id": "resp_1",
    "object": "response",
    "created_at": 1700000000,
    "status": "completed",
    "model": "gpt-4o",
    "output": [
        {
            "type": "message",
            "id": "msg_1",
            "status": "completed",
            "role": "assistant",
            "content": [{"type": "output_text", "text": "Hi there", "annotations": []}],
        }
    ],
    "parallel_tool_calls": True,
    "tool_choice": "auto",
    "tools": [],
    "temperature": 1.0,
    "top_p": 1.0,
    "usage": {
        "input_tokens": 3,
        "output_tokens": 2,
        "total_tokens": 5,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens_details": {"reasoning_tokens": 0},
    },
}


def error_body(
    message: str, type_: str = "invalid_request_error", code: Any = None, param: Any = None
) -> dict[str, Any]:
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


def floats_base64(values: list[float]) -> str:
    return base64.b64encode(struct.pack(f"<{len(values)}f", *values)).decode()


def chat(client: Any, **params: Any) -> Any:
    return client.chat.completions.create(model="gpt-4o-mini", messages=USER, **params)


def chat_error(status: int, body: Any, message: str = "same", **reply: Any) -> dict[str, Any]:
    return {
        "call": chat,
        "message": message,
        "replies": [
            Reply(status=status, json=body, **reply)
            if not isinstance(body, bytes)
            else Reply(status=status, body=body, **reply)
        ],
    }


SCENARIOS: list[Scenario] = [
    # --- chat ----------------------------------------------------------------------------------------
    Scenario("chat: minimal", chat, [Reply(json=chat_completion())]),
    Scenario(
        "chat: every common parameter",
        lambda c: chat(
            c,
            temperature=0.2,
            top_p=0.9,
            max_tokens=50,
            max_completion_tokens=60,
            n=1,
            seed=7,
            stop=["\n"],
            presence_penalty=0.1,
            frequency_penalty=0.2,
            logit_bias={"1": -100},
            logprobs=True,
            top_logprobs=2,
            user="u1",
            metadata={"k": "v"},
            store=True,
            service_tier="auto",
            parallel_tool_calls=False,
            reasoning_effort="low",
            verbosity="low",
            prompt_cache_key="pk",
            safety_identifier="s1",
            modalities=["text"],
            prediction={"type": "content", "content": "x"},
        ),
        [Reply(json=chat_completion())],
    ),
    Scenario(
        "chat: None is sent as null", lambda c: chat(c, temperature=None, user=None), [Reply(json=chat_completion())]
    ),
    Scenario(
        "chat: tools and a tool-call answer",
        lambda c: chat(
            c,
            tools=[{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}, "strict": True}}],
            tool_choice="auto",
        ),
        [
            Reply(
                json=chat_completion(
                    choices=[
                        {
                            "index": 0,
                            "finish_reason": "tool_calls",
                            "message": {
                                "role": "assistant",
                                "content": None,
                                "tool_calls": [
                                    {
                                        "id": "call_1",
                                        "type": "function",
                                        "function": {"name": "f", "arguments": '{"a": 1}'},
                                    },
                                    {"id": "call_2", "type": "custom", "custom": {"name": "g", "input": "raw"}},
                                ],
                            },
                        }
                    ]
                )
            )
        ],
    ),
    Scenario(
        "chat: response_format json_schema",
        lambda c: chat(
            c,
            response_format={
                "type": "json_schema",
                "json_schema": {
                    "name": "p",
                    "strict": True,
                    "schema": {
                        "type": "object",
                        "properties": {"a": {"type": "integer"}},
                        "required": ["a"],
                        "additionalProperties": False,
                    },
                },
            },
        ),
        [Reply(json=chat_completion())],
    ),
    Scenario(
        "chat: content parts",
        lambda c: c.chat.completions.create(
            model="gpt-4o",
            messages=[
                {
                    "role": "user",
                    "content": [
                        {"type": "text", "text": "What is this?"},
                        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AA==", "detail": "low"}},
                    ],
                }
            ],
        ),
        [Reply(json=chat_completion())],
    ),
    Scenario(
        "chat: unknown fields and enum values are kept",
        chat,
        [
            Reply(
                json=chat_completion(
                    vendor_extra={"x": 1},
                    service_tier="ultra",
                    choices=[
                        {
                            "index": 0,
                            "finish_reason": "brand_new",
                            "message": {"role": "assistant", "content": "x", "reasoning_content": "thinking"},
                        }
                    ],
                )
            )
        ],
    ),
    Scenario(
        "chat: missing optional fields",
        chat,
        [
            Reply(
                json={
                    "id": "c",
                    "object": "chat.completion",
                    "created": 1,
                    "model": "m",
                    "choices": [
                        {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "x"}}
                    ],
                }
            )
        ],
    ),
    Scenario(
        "chat: extra_body, extra_query and extra_headers",
        lambda c: chat(
            c,
            extra_body={"model": "override", "top_k": 5},
            extra_query={"api-version": "1"},
            extra_headers={"X-Trace": "t1"},
        ),
        [Reply(json=chat_completion())],
    ),
    Scenario(
        "chat: stored completion operations",
        lambda c: [
            c.chat.completions.retrieve("chatcmpl-1"),
            c.chat.completions.update("chatcmpl-1", metadata={"k": "v"}),
            c.chat.completions.delete("chatcmpl-1"),
        ],
        [
            Reply(json=chat_completion()),
            Reply(json=chat_completion(metadata={"k": "v"})),
            Reply(json={"id": "chatcmpl-1", "object": "chat.completion.deleted", "deleted": True}),
        ],
    ),
    Scenario(
        "chat: list stored completions with filters",
        lambda c: c.chat.completions.list(limit=2, order="asc", metadata={"k": "v"}, model="gpt-4o").data,
        [Reply(json={"object": "list", "data": [chat_completion()], "has_more": False})],
    ),
    # --- streaming -----------------------------------------------------------------------------------
    Scenario(
        "stream: chat chunks",
        lambda c: chat(c, stream=True),
        [
            Reply(
                sse=sse(
                    chunk({"role": "assistant", "content": ""}),
                    chunk({"content": "Hel"}),
                    chunk({"content": "lo"}),
                    chunk({}, "stop"),
                )
            )
        ],
    ),
    Scenario(
        "stream: include_usage",
        lambda c: chat(c, stream=True, stream_options={"include_usage": True}),
        [
            Reply(
                sse=sse(
                    chunk({"content": "Hi"}),
                    chunk({}, "stop"),
                    chunk({}, choices=[], usage={"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}),
                )
            )
        ],
    ),
    Scenario(
        "stream: tool-call deltas",
        lambda c: chat(c, stream=True),
        [
            Reply(
                sse=sse(
                    chunk(
                        {
                            "role": "assistant",
                            "tool_calls": [
                                {
                                    "index": 0,
                                    "id": "call_1",
                                    "type": "function",
                                    "function": {"name": "f", "arguments": ""},
                                }
                            ],
                        }
                    ),
                    chunk({"tool_calls": [{"index": 0, "function": {"arguments": '{"a":'}}]}),
                    chunk({"tool_calls": [{"index": 0, "function": {"arguments": "1}"}}]}),
                    chunk({}, "tool_calls"),
                )
            )
        ],
    ),
    Scenario(
        "stream: comments, CRLF line ends and multi-line data",
        lambda c: chat(c, stream=True),
        [
            Reply(
                sse=(
                    ": keep-alive\r\n\r\n",
                    'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",\r\n'
                    'data: "choices":[{"index":0,"delta":{"content":"a\\u0000b"},"finish_reason":null}]}\r\n\r\n',
                    "data: [DONE]\n\n",
                    'data: {"ignored": "after done"}\n\n',
                )
            )
        ],
    ),
    Scenario(
        "stream: error object mid-stream",
        lambda c: chat(c, stream=True),
        [
            Reply(
                sse=sse(
                    chunk({"content": "partial"}),
                    {"error": {"message": "upstream failed", "type": "server_error", "code": "500"}},
                    done=False,
                )
            )
        ],
    ),
    Scenario(
        "stream: error object without a message",
        lambda c: chat(c, stream=True),
        [Reply(sse=sse({"error": {"code": 1}}, done=False))],
    ),
    Scenario(
        "stream: status error before the stream",
        lambda c: chat(c, stream=True),
        [Reply(status=429, json=error_body("slow down", "rate_limit_exceeded"))],
    ),
    Scenario(
        "stream: legacy completions",
        lambda c: c.completions.create(model="gpt-3.5-turbo-instruct", prompt="Hi", stream=True),
        [
            Reply(
                sse=sse(
                    {**COMPLETION, "choices": [{"index": 0, "text": "a", "finish_reason": None, "logprobs": None}]},
                    {**COMPLETION, "choices": [{"index": 0, "text": "b", "finish_reason": "stop", "logprobs": None}]},
                )
            )
        ],
    ),
    # --- errors --------------------------------------------------------------------------------------
    Scenario("error: 400 standard body", **chat_error(400, error_body("bad param", param="model", code="invalid"))),
    Scenario(
        "error: 401", **chat_error(401, error_body("Incorrect API key", "invalid_request_error", "invalid_api_key"))
    ),
    Scenario("error: 403", **chat_error(403, error_body("forbidden", "permission_error"))),
    Scenario("error: 404", **chat_error(404, error_body("The model does not exist", code="model_not_found"))),
    Scenario("error: 409", **chat_error(409, error_body("conflict"))),
    Scenario("error: 422", **chat_error(422, error_body("unprocessable"))),
    Scenario("error: 429", **chat_error(429, error_body("Rate limited!", "requests", "rate_limit_exceeded"))),
    Scenario("error: 500", **chat_error(500, error_body("server exploded", "server_error"))),
    Scenario("error: 418 is a plain APIStatusError", **chat_error(418, error_body("teapot"))),
    Scenario("error: integer code is stringified", **chat_error(400, error_body("bad", code=123))),
    Scenario("error: top-level message", **chat_error(400, {"message": "top-level message", "code": "x"})),
    Scenario("error: empty body", **chat_error(500, b"")),
    Scenario(
        "error: FastAPI detail body",
        **chat_error(401, {"detail": "Invalid API key"}, message="cacheai_adds_server_text"),
    ),
    Scenario("error: error as a string", **chat_error(400, {"error": "teapot"}, message="cacheai_adds_server_text")),
    Scenario("error: plain-text body", **chat_error(502, b"Bad Gateway", message="cacheai_adds_server_text")),
    Scenario("error: connection refused", chat, [], base_url="http://127.0.0.1:9/v1"),
    Scenario("error: read timeout", chat, [Reply(json=chat_completion(), delay=1.5)], client_options={"timeout": 0.3}),
    # --- retries -------------------------------------------------------------------------------------
    Scenario(
        "retry: 500 then success",
        chat,
        [Reply(status=500, json=error_body("x"), headers=FAST_RETRY), Reply(json=chat_completion())],
        client_options={"max_retries": 2},
    ),
    Scenario(
        "retry: 429 then success",
        chat,
        [Reply(status=429, json=error_body("x"), headers=FAST_RETRY), Reply(json=chat_completion())],
        client_options={"max_retries": 2},
    ),
    Scenario(
        "retry: exhausted",
        chat,
        [Reply(status=503, json=error_body("down"), headers=FAST_RETRY)],
        client_options={"max_retries": 2},
    ),
    Scenario(
        "retry: x-should-retry false",
        chat,
        [Reply(status=500, json=error_body("no"), headers=headers(x_should_retry="false"))],
        client_options={"max_retries": 2},
    ),
    Scenario(
        "retry: x-should-retry true on 400",
        chat,
        [
            Reply(status=400, json=error_body("again"), headers=headers(x_should_retry="true", retry_after_ms="5")),
            Reply(json=chat_completion()),
        ],
        client_options={"max_retries": 2},
    ),
    Scenario(
        "retry: retry-after above 120 s is not retried",
        chat,
        [Reply(status=429, json=error_body("later"), headers=headers(retry_after="121"))],
        client_options={"max_retries": 2},
    ),
    Scenario(
        "retry: 400 is not retried",
        chat,
        [Reply(status=400, json=error_body("no"), headers=FAST_RETRY)],
        client_options={"max_retries": 2},
    ),
    Scenario(
        "retry: with_options(max_retries=0)",
        lambda c: c.with_options(max_retries=0).chat.completions.create(model="m", messages=USER),
        [Reply(status=500, json=error_body("x"), headers=FAST_RETRY), Reply(json=chat_completion())],
        client_options={"max_retries": 2},
    ),
    # --- completions, models, embeddings -------------------------------------------------------------
    Scenario(
        "completions: parameters",
        lambda c: c.completions.create(
            model="gpt-3.5-turbo-instruct",
            prompt=["a", "b"],
            max_tokens=5,
            echo=True,
            suffix="!",
            best_of=1,
            logprobs=1,
            stop="\n",
        ),
        [Reply(json=COMPLETION)],
    ),
    Scenario(
        "models: list",
        lambda c: c.models.list().data,
        [Reply(json={"object": "list", "data": [MODEL, {"id": "local", "object": "model", "owned_by": "me"}]})],
    ),
    Scenario(
        "models: retrieve with a path to encode", lambda c: c.models.retrieve("ft:gpt-4o:org/x y"), [Reply(json=MODEL)]
    ),
    Scenario(
        "models: delete",
        lambda c: c.models.delete("ft:m"),
        [Reply(json={"id": "ft:m", "object": "model", "deleted": True})],
    ),
    Scenario(
        "embeddings: default base64 is decoded",
        lambda c: c.embeddings.create(model="text-embedding-3-small", input="hello"),
        [
            Reply(
                json={
                    "object": "list",
                    "model": "text-embedding-3-small",
                    "data": [{"object": "embedding", "index": 0, "embedding": floats_base64([0.5, -1.25, 0.1])}],
                    "usage": {"prompt_tokens": 1, "total_tokens": 1},
                }
            )
        ],
    ),
    Scenario(
        "embeddings: floats from a server ignoring base64",
        lambda c: c.embeddings.create(model="e", input=["a", "b"]),
        [
            Reply(
                json={
                    "object": "list",
                    "model": "e",
                    "usage": {"prompt_tokens": 2, "total_tokens": 2},
                    "data": [
                        {"object": "embedding", "index": 0, "embedding": [0.1, 0.2]},
                        {"object": "embedding", "index": 1, "embedding": [0.3, 0.4]},
                    ],
                }
            )
        ],
    ),
    Scenario(
        "embeddings: explicit base64 is not decoded",
        lambda c: c.embeddings.create(model="e", input=[1, 2, 3], encoding_format="base64", dimensions=2, user="u"),
        [
            Reply(
                json={
                    "object": "list",
                    "model": "e",
                    "usage": {"prompt_tokens": 3, "total_tokens": 3},
                    "data": [{"object": "embedding", "index": 0, "embedding": floats_base64([1.0, 2.0])}],
                }
            )
        ],
    ),
    # --- files and batches ---------------------------------------------------------------------------
    Scenario(
        "files: upload (multipart)",
        lambda c: c.files.create(
            file=("data.jsonl", b'{"a": 1}\n', "application/jsonl"),
            purpose="batch",
            expires_after={"anchor": "created_at", "seconds": 3600},
        ),
        [Reply(json=FILE)],
    ),
    Scenario(
        "files: retrieve, list, delete",
        lambda c: [
            c.files.retrieve("file-1"),
            c.files.list(purpose="batch", limit=1, order="desc").data,
            c.files.delete("file-1"),
        ],
        [
            Reply(json=FILE),
            Reply(json={"object": "list", "data": [FILE], "has_more": False}),
            Reply(json={"id": "file-1", "object": "file", "deleted": True}),
        ],
    ),
    Scenario(
        "files: content",
        lambda c: c.files.content("file-1").content,
        [Reply(body=b'{"line": 1}\n{"line": 2}\n', content_type="application/octet-stream")],
    ),
    Scenario(
        "batches: create, retrieve, cancel",
        lambda c: [
            c.batches.create(
                completion_window="24h", endpoint="/v1/chat/completions", input_file_id="file-1", metadata={"k": "v"}
            ),
            c.batches.retrieve("batch_1"),
            c.batches.cancel("batch_1"),
        ],
        [Reply(json=BATCH), Reply(json=BATCH), Reply(json={**BATCH, "status": "cancelling"})],
    ),
    Scenario(
        "batches: auto-pagination over two pages",
        lambda c: [b.id for b in c.batches.list(limit=1)],
        [
            Reply(
                json={"object": "list", "data": [BATCH], "has_more": True, "first_id": "batch_1", "last_id": "batch_1"}
            ),
            Reply(json={"object": "list", "data": [{**BATCH, "id": "batch_2"}], "has_more": False}),
        ],
    ),
    # --- responses -----------------------------------------------------------------------------------
    Scenario(
        "responses: create",
        lambda c: c.responses.create(
            model="gpt-4o",
            input="Hi",
            instructions="Be brief",
            max_output_tokens=20,
            temperature=0.5,
            text={"format": {"type": "text"}},
            tools=[{"type": "function", "name": "f", "parameters": {}, "strict": False}],
        ),
        [Reply(json=RESPONSE)],
    ),
    Scenario(
        "responses: output_text",
        lambda c: c.responses.create(model="gpt-4o", input="Hi").output_text,
        [Reply(json=RESPONSE)],
    ),
    Scenario(
        "responses: stream events",
        lambda c: c.responses.create(model="gpt-4o", input="Hi", stream=True),
        [
            Reply(
                sse=sse(
                    "event: response.created\n"
                    'data: {"type":"response.created","sequence_number":0,'
                    '"response":{"id":"resp_1","object":"response","created_at":1,"status":'
                    '"in_progress","model":"gpt-4o","output":[],"parallel_tool_calls":true,'
                    '"tool_choice":"auto","tools":[]}}\n\n',
                    "event: response.output_text.delta\n"
                    'data: {"type":"response.output_text.delta","item_id":"m",'
                    '"output_index":0,"content_index":0,"delta":"Hi","sequence_number":1,"logprobs":[]}\n\n',
                    done=False,
                )
            )
        ],
    ),
    Scenario(
        "responses: retrieve with include[]",
        lambda c: c.responses.retrieve(
            "resp_1", include=["message.output_text.logprobs", "reasoning.encrypted_content"]
        ),
        [Reply(json=RESPONSE)],
    ),
    Scenario(
        "responses: delete and cancel",
        lambda c: [c.responses.delete("resp_1"), c.responses.cancel("resp_1")],
        [Reply(body=b"", content_type="application/json"), Reply(json=RESPONSE)],
    ),
    Scenario(
        "responses: input items",
        lambda c: c.responses.input_items.list("resp_1", limit=1, order="asc").data,
        [
            Reply(
                json={
                    "object": "list",
                    "has_more": False,
                    "first_id": "m",
                    "last_id": "m",
                    "data": [
                        {
                            "type": "message",
                            "id": "m",
                            "status": "completed",
                            "role": "user",
                            "content": [{"type": "input_text", "text": "Hi"}],
                        }
                    ],
                }
            )
        ],
    ),
    Scenario(
        "responses: input tokens counted",
        lambda c: c.responses.input_tokens.count(
            model="gpt-4o",
            input=({"role": "user", "content": text} for text in ("Hi", "there")),  # an Iterable: sent as a list
            instructions="Be brief.",
            tools=[{"type": "function", "name": "f", "parameters": {"type": "object"}, "strict": True}],
            truncation="auto",
        ),
        [Reply(json={"object": "response.input_tokens", "input_tokens": 42})],
    ),
    Scenario(
        "responses: compact",
        lambda c: c.responses.compact(
            model="gpt-4o",
            input=[{"role": "user", "content": "Hi"}],
            previous_response_id="resp_0",
            prompt_cache_retention="24h",
        ),
        [
            Reply(
                json={
                    "id": "resp_1",
                    "object": "response.compaction",
                    "created_at": 1,
                    "output": [{"type": "compaction", "id": "cmp_1", "encrypted_content": "opaque"}],
                    "usage": {
                        "input_tokens": 9,
                        "input_tokens_details": {"cached_tokens": 0},
                        "output_tokens": 3,
                        "output_tokens_details": {"reasoning_tokens": 0},
                        "total_tokens": 12,
                    },
                }
            )
        ],
    ),
    # --- client options ------------------------------------------------------------------------------
    Scenario(
        "client: organization, project, default headers and query",
        chat,
        [Reply(json=chat_completion())],
        client_options={
            "organization": "org-1",
            "project": "proj-1",
            "default_headers": {"X-App": "a"},
            "default_query": {"tenant": "t1"},
        },
    ),
    Scenario(
        "client: base_url with a trailing slash and no /v1", chat, [Reply(json=chat_completion())], base_url="{server}/"
    ),
    Scenario(
        "client: raw response",
        lambda c: (
            lambda raw: {"parsed": raw.parse(), "status": raw.status_code, "header": raw.headers.get("x-request-id")}
        )(c.chat.completions.with_raw_response.create(model="m", messages=USER)),
        [Reply(json=chat_completion(), headers=headers(x_request_id="req_123"))],
    ),
    Scenario(
        "client: request id on the parsed object",
        lambda c: chat(c)._request_id,
        [Reply(json=chat_completion(), headers=headers(x_request_id="req_456"))],
    ),
]
