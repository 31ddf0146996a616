"""cacheai.types against the installed openai 3.57 as an oracle: same fields, same parsing, same dumps."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import typing
from collections.abc import Iterator
from typing import Any

import openai._models as openai_models
import pytest
import typing_extensions

import cacheai.types
import cacheai.types.chat
import cacheai.types.responses
from cacheai._models import BaseModel, parse_json
from cacheai.types.responses import ResponseUnknownEvent, parse_response_stream_event

_SRC = os.path.dirname(os.path.dirname(os.path.dirname(cacheai.types.__file__)))


def _resolve(package: str, dotted: str) -> Any:
    module, _, name = f"{package}.{dotted}".rpartition(".")
    return getattr(importlib.import_module(module), name)


def _shape(value: object) -> object:
    """Which class every nested object became (so a union resolved differently shows up)."""
    if isinstance(value, BaseModel | openai_models.BaseModel):
        fields = {k: _shape(getattr(value, k, None)) for k in type(value).model_fields}
        return (type(value).__name__, fields)
    if isinstance(value, list):
        return [_shape(v) for v in value]
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    return type(value).__name__


def _without_annotations(type_: Any) -> Any:
    return typing.get_args(type_)[0] if typing.get_origin(type_) is typing.Annotated else type_


def _parse_both(dotted: str, doc: dict[str, Any]) -> tuple[Any, Any]:
    raw = json.dumps(doc)
    ours = parse_json(_resolve("cacheai.types", dotted), raw)
    theirs = openai_models.construct_type(type_=_resolve("openai.types", dotted), value=json.loads(raw))
    return ours, theirs


def _assert_same(ours: Any, theirs: Any) -> None:
    # Values the schema does not expect make pydantic warn on dump, for openai's objects as for ours.
    assert ours.model_dump(warnings=False) == theirs.model_dump(warnings=False)
    assert ours.to_dict(warnings=False) == theirs.to_dict(warnings=False)
    assert json.loads(ours.to_json(warnings=False)) == json.loads(theirs.to_json(warnings=False))
    assert _shape(ours) == _shape(theirs)
    # Which declared fields were sent (null vs missing); pydantic's strict path also lists extras there.
    declared = set(type(ours).model_fields)
    assert ours.model_fields_set & declared == theirs.model_fields_set & declared


USAGE = {
    "prompt_tokens": 19,
    "completion_tokens": 10,
    "total_tokens": 29,
    "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
    "completion_tokens_details": {
        "reasoning_tokens": 0,
        "audio_tokens": 0,
        "accepted_prediction_tokens": 0,
        "rejected_prediction_tokens": 0,
    },
}


def _chat(choices: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
        "object": "chat.completion",
        "created": 1741569952,
        "model": "gpt-4.1-2025-04-14",
        "choices": choices,
        "usage": USAGE,
        "service_tier": "default",
        "system_fingerprint": "fp_ee1d74bde0",
    }
    doc.update(extra)
    return doc


def _message(**fields: Any) -> dict[str, Any]:
    return {"role": "assistant", "content": None, "refusal": None, "annotations": [], **fields}


def _chunk(choices: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": "chatcmpl-123",
        "object": "chat.completion.chunk",
        "created": 1694268190,
        "model": "gpt-4o-mini",
        "system_fingerprint": "fp_44709d6fcb",
        "choices": choices,
    }
    doc.update(extra)
    return doc


TOKEN_LOGPROB = {
    "token": "Hello",
    "logprob": -0.31725305,
    "bytes": [72, 101, 108, 108, 111],
    "top_logprobs": [
        {"token": "Hello", "logprob": -0.31725305, "bytes": [72, 101, 108, 108, 111]},
        {"token": "Hi", "logprob": -1.3190403, "bytes": [72, 105]},
    ],
}

# (id, type relative to `types`, document, whether the strict fast path is expected to accept it)
DOCUMENTS: list[tuple[str, str, dict[str, Any], bool]] = [
    (
        "chat-basic",
        "chat.ChatCompletion",
        _chat(
            [
                {
                    "index": 0,
                    "message": _message(content="Hello! How can I help?"),
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ]
        ),
        True,
    ),
    (
        "chat-tool-calls-function-and-custom",
        "chat.ChatCompletion",
        _chat(
            [
                {
                    "index": 0,
                    "message": _message(
                        tool_calls=[
                            {
                                "id": "call_abc123",
                                "type": "function",
                                "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                            },
                            {"id": "call_def456", "type": "custom", "custom": {"name": "sql", "input": "SELECT 1"}},
                        ]
                    ),
                    "logprobs": None,
                    "finish_reason": "tool_calls",
                }
            ]
        ),
        True,
    ),
    (
        "chat-logprobs",
        "chat.ChatCompletion",
        _chat(
            [
                {
                    "index": 0,
                    "message": _message(content="Hello"),
                    "logprobs": {"content": [TOKEN_LOGPROB, {**TOKEN_LOGPROB, "logprob": 0}], "refusal": None},
                    "finish_reason": "length",
                }
            ]
        ),
        True,
    ),
    (
        "chat-audio",
        "chat.ChatCompletion",
        _chat(
            [
                {
                    "index": 0,
                    "message": _message(
                        audio={
                            "id": "audio_abc123",
                            "data": "UklGRiQAAABXQVZFZm10IBAAAAABAAEA",
                            "expires_at": 1729018505,
                            "transcript": "Yes, golden retrievers are known to be friendly.",
                        }
                    ),
                    "finish_reason": "stop",
                }
            ]
        ),
        True,
    ),
    (
        "chat-annotations",
        "chat.ChatCompletion",
        _chat(
            [
                {
                    "index": 0,
                    "message": _message(
                        content="See the docs.",
                        annotations=[
                            {
                                "type": "url_citation",
                                "url_citation": {
                                    "start_index": 8,
                                    "end_index": 12,
                                    "title": "Docs",
                                    "url": "https://example.com/docs",
                                },
                            }
                        ],
                    ),
                    "finish_reason": "stop",
                }
            ]
        ),
        True,
    ),
    (
        "chat-refusal",
        "chat.ChatCompletion",
        _chat(
            [
                {
                    "index": 0,
                    "message": _message(refusal="I can't help with that."),
                    "logprobs": {"content": None, "refusal": [TOKEN_LOGPROB]},
                    "finish_reason": "stop",
                }
            ]
        ),
        True,
    ),
    (
        "chat-moderation",
        "chat.ChatCompletion",
        _chat(
            [{"index": 0, "message": _message(content="ok"), "finish_reason": "stop"}],
            moderation={
                "input": {
                    "type": "moderation_results",
                    "model": "omni-moderation-latest",
                    "results": [
                        {
                            "type": "moderation_result",
                            "model": "omni-moderation-latest",
                            "flagged": False,
                            "categories": {"violence": False},
                            "category_scores": {"violence": 0.0001},
                            "category_applied_input_types": {"violence": ["text"]},
                        }
                    ],
                },
                "output": {"type": "error", "code": "timeout", "message": "moderation timed out"},
            },
            metadata={"user": "42"},
        ),
        True,
    ),
    (
        "chat-ollama-null-finish-reason",
        "chat.ChatCompletion",
        _chat(
            [{"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": None}],
            system_fingerprint="fp_ollama",
            usage={"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        ),
        False,
    ),
    (
        "chat-vllm-unknown-finish-reason-and-extras",
        "chat.ChatCompletion",
        _chat(
            [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": "x", "reasoning_content": "think", "tool_calls": []},
                    "logprobs": None,
                    "finish_reason": "eos_token",
                    "stop_reason": 2,
                }
            ],
            prompt_logprobs=None,
            kv_transfer_params=None,
            service_tier=None,
        ),
        False,
    ),
    (
        "chat-openrouter-missing-created-and-error-finish",
        "chat.ChatCompletion",
        {
            "id": "gen-1",
            "object": "chat.completion",
            "model": "openai/gpt-4o",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": None, "reasoning": "r"},
                    "finish_reason": "error",
                    "native_finish_reason": None,
                }
            ],
            "error": {"code": 502, "message": "Provider returned error"},
        },
        False,
    ),
    (
        "chat-unknown-tool-call-type",
        "chat.ChatCompletion",
        _chat(
            [
                {
                    "index": 0,
                    "message": _message(tool_calls=[{"id": "c1", "type": "mcp", "mcp": {"server": "s"}}]),
                    "finish_reason": "tool_calls",
                }
            ]
        ),
        False,
    ),
    (
        "chat-wrong-types-kept",
        "chat.ChatCompletion",
        _chat(
            [{"index": "0", "message": _message(content=["not", "a", "string"]), "finish_reason": "stop"}],
            created="notint",
        ),
        False,
    ),
    (
        "chunk-role",
        "chat.ChatCompletionChunk",
        _chunk(
            [
                {
                    "index": 0,
                    "delta": {"role": "assistant", "content": "", "refusal": None},
                    "logprobs": None,
                    "finish_reason": None,
                }
            ],
            obfuscation="5Xb7",
            service_tier="default",
        ),
        True,
    ),
    (
        "chunk-content-with-logprobs",
        "chat.ChatCompletionChunk",
        _chunk(
            [
                {
                    "index": 0,
                    "delta": {"content": "Hello"},
                    "logprobs": {"content": [TOKEN_LOGPROB], "refusal": None},
                    "finish_reason": None,
                }
            ]
        ),
        True,
    ),
    (
        "chunk-tool-call-start",
        "chat.ChatCompletionChunk",
        _chunk(
            [
                {
                    "index": 0,
                    "delta": {
                        "tool_calls": [
                            {
                                "index": 0,
                                "id": "call_DdmO9pD3xa9XTPNJ32zg2hcA",
                                "type": "function",
                                "function": {"name": "get_weather", "arguments": ""},
                            }
                        ]
                    },
                    "finish_reason": None,
                }
            ]
        ),
        True,
    ),
    (
        "chunk-tool-call-arguments",
        "chat.ChatCompletionChunk",
        _chunk([{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": '{"ci'}}]}}]),
        True,
    ),
    (
        "chunk-finish",
        "chat.ChatCompletionChunk",
        _chunk([{"index": 0, "delta": {}, "logprobs": None, "finish_reason": "tool_calls"}]),
        True,
    ),
    ("chunk-usage-empty-choices", "chat.ChatCompletionChunk", _chunk([], usage=USAGE), True),
    (
        "chunk-audio-delta",
        "chat.ChatCompletionChunk",
        _chunk([{"index": 0, "delta": {"audio": {"id": "audio_1", "transcript": "Hel"}}}]),
        True,
    ),
    (
        "chunk-llamacpp-final-with-timings",
        "chat.ChatCompletionChunk",
        {
            "choices": [{"finish_reason": "stop", "index": 0, "delta": {}}],
            "created": 1731000000,
            "id": "chatcmpl-XyZ",
            "model": "tiny-llama",
            "system_fingerprint": "b4800-1a2b3c",
            "object": "chat.completion.chunk",
            "timings": {"prompt_n": 5, "prompt_ms": 12.5, "predicted_n": 10, "predicted_per_second": 80.1},
        },
        True,
    ),
    (
        "chunk-azure-prompt-filter",
        "chat.ChatCompletionChunk",
        {
            "choices": [],
            "created": 0,
            "id": "",
            "model": "",
            "object": "",
            "prompt_filter_results": [
                {"prompt_index": 0, "content_filter_results": {"hate": {"filtered": False, "severity": "safe"}}}
            ],
        },
        False,
    ),
    (
        "chunk-without-delta",
        "chat.ChatCompletionChunk",
        _chunk([{"index": 0, "finish_reason": "stop", "content_filter_results": {}}]),
        False,
    ),
    (
        "chunk-gemini-tool-call-without-index",
        "chat.ChatCompletionChunk",
        _chunk(
            [
                {
                    "index": 0,
                    "delta": {
                        "role": "assistant",
                        "tool_calls": [
                            {
                                "id": "f1",
                                "type": "function",
                                "function": {"name": "lookup", "arguments": "{}"},
                                "extra_content": {"google": {"thought_signature": "sig=="}},
                            }
                        ],
                    },
                    "finish_reason": "stop",
                }
            ]
        ),
        False,
    ),
    (
        "chunk-reasoning-extra",
        "chat.ChatCompletionChunk",
        _chunk([{"index": 0, "delta": {"reasoning_content": "Let me think", "content": None}}]),
        True,
    ),
    (
        "completion-with-logprobs",
        "Completion",
        {
            "id": "cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7",
            "object": "text_completion",
            "created": 1589478378,
            "model": "gpt-3.5-turbo-instruct",
            "system_fingerprint": "fp_44709d6fcb",
            "choices": [
                {
                    "text": "\n\nThis is indeed a test",
                    "index": 0,
                    "logprobs": {
                        "tokens": ["\n", "\n", "This"],
                        "token_logprobs": [-0.1, -0.2, -1],
                        "top_logprobs": [{"\n": -0.1, "\n\n": -2.5}, {"\n": -0.2}, {"This": -1}],
                        "text_offset": [0, 1, 2],
                    },
                    "finish_reason": "length",
                }
            ],
            "usage": {"prompt_tokens": 5, "completion_tokens": 7, "total_tokens": 12},
        },
        True,
    ),
    (
        "completion-ollama-empty-usage",
        "Completion",
        {
            "id": "cmpl-12",
            "object": "text_completion",
            "created": 1,
            "model": "llama3",
            "choices": [{"text": "hi", "index": 0, "finish_reason": None}],
            "usage": {},
        },
        False,
    ),
    (
        "model-openai",
        "Model",
        {"id": "gpt-4o", "object": "model", "created": 1715367049, "owned_by": "system"},
        True,
    ),
    (
        "model-llamacpp-without-created",
        "Model",
        {"id": "tiny-llama", "object": "model", "owned_by": "llamacpp", "meta": {"n_ctx_train": 2048}},
        False,
    ),
    ("model-deleted", "ModelDeleted", {"id": "ft:gpt-4o:acme:1", "object": "model", "deleted": True}, True),
    (
        "embeddings",
        "CreateEmbeddingResponse",
        {
            "object": "list",
            "data": [{"object": "embedding", "index": 0, "embedding": [0.0023064255, -0.009327292, 0]}],
            "model": "text-embedding-3-small",
            "usage": {"prompt_tokens": 8, "total_tokens": 8},
        },
        True,
    ),
    (
        "embeddings-base64",
        "CreateEmbeddingResponse",
        {
            "object": "list",
            "data": [{"object": "embedding", "index": 0, "embedding": "AAAAAAAA8D8="}],
            "model": "nomic-embed-text",
            "usage": {"prompt_tokens": 2, "total_tokens": 2},
        },
        False,
    ),
    (
        "file-object",
        "FileObject",
        {
            "id": "file-abc123",
            "object": "file",
            "bytes": 120000,
            "created_at": 1677610602,
            "expires_at": 1680202602,
            "filename": "batch.jsonl",
            "purpose": "batch",
            "status": "processed",
        },
        True,
    ),
    ("file-deleted", "FileDeleted", {"id": "file-abc123", "object": "file", "deleted": True}, True),
    (
        "batch",
        "Batch",
        {
            "id": "batch_abc123",
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "model": "gpt-4o-mini",
            "errors": {
                "object": "list",
                "data": [{"code": "invalid_json", "line": 3, "message": "bad line", "param": None}],
            },
            "input_file_id": "file-abc123",
            "completion_window": "24h",
            "status": "completed",
            "output_file_id": "file-cvaTdG",
            "error_file_id": "file-HOWS94",
            "created_at": 1711471533,
            "in_progress_at": 1711471538,
            "expires_at": 1711557933,
            "finalizing_at": 1711493133,
            "completed_at": 1711493163,
            "failed_at": None,
            "expired_at": None,
            "cancelling_at": None,
            "cancelled_at": None,
            "request_counts": {"total": 100, "completed": 95, "failed": 5},
            "usage": {
                "input_tokens": 1500,
                "input_tokens_details": {"cached_tokens": 1024},
                "output_tokens": 500,
                "output_tokens_details": {"reasoning_tokens": 300},
                "total_tokens": 2000,
            },
            "metadata": {"customer_id": "user_123456789"},
        },
        True,
    ),
    (
        "batch-unknown-status",
        "Batch",
        {
            "id": "batch_1",
            "object": "batch",
            "endpoint": "/v1/embeddings",
            "input_file_id": "file-1",
            "completion_window": "24h",
            "status": "paused",
            "created_at": 1,
        },
        False,
    ),
]

RESPONSE: dict[str, Any] = {
    "id": "resp_67ccd3a9da748190baa7f1570fe91ac604becb25c45c1d41",
    "object": "response",
    "created_at": 1741476777,
    "status": "completed",
    "completed_at": 1741476778,
    "error": None,
    "incomplete_details": None,
    "instructions": None,
    "max_output_tokens": None,
    "model": "gpt-4o-2024-08-06",
    "output": [
        {
            "type": "reasoning",
            "id": "rs_1",
            "summary": [{"type": "summary_text", "text": "Thinking about the weather."}],
        },
        {
            "type": "function_call",
            "id": "fc_1",
            "call_id": "call_1",
            "name": "get_weather",
            "arguments": '{"city":"Paris"}',
            "status": "completed",
        },
        {
            "type": "message",
            "id": "msg_67ccd3acc8d48190a77525dc6de64b4104becb25c45c1d41",
            "status": "completed",
            "role": "assistant",
            "content": [
                {
                    "type": "output_text",
                    "text": "The image depicts a scenic landscape. ",
                    "annotations": [
                        {
                            "type": "url_citation",
                            "start_index": 0,
                            "end_index": 5,
                            "title": "t",
                            "url": "https://example.com",
                        }
                    ],
                    "logprobs": [],
                },
                {"type": "refusal", "refusal": "no"},
                {"type": "output_text", "text": "It is sunny.", "annotations": []},
            ],
        },
    ],
    "parallel_tool_calls": True,
    "previous_response_id": None,
    "reasoning": {"effort": "low", "summary": "auto"},
    "store": True,
    "temperature": 1.0,
    "text": {"format": {"type": "text"}, "verbosity": "medium"},
    "tool_choice": "auto",
    "tools": [
        {
            "type": "function",
            "name": "get_weather",
            "description": "Weather of a city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
            "strict": True,
        }
    ],
    "top_p": 1.0,
    "truncation": "disabled",
    "usage": {
        "input_tokens": 328,
        "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
        "output_tokens": 52,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": 380,
    },
    "user": None,
    "metadata": {},
}

DOCUMENTS += [
    ("response", "responses.Response", RESPONSE, True),
    (
        "response-unknown-output-item",
        "responses.Response",
        {**RESPONSE, "output": [{"type": "brand_new_item", "id": "x1", "payload": {"a": 1}}]},
        False,
    ),
    (
        "response-vllm-minimal",
        "responses.Response",
        {
            "id": "resp_1",
            "object": "response",
            "created_at": 1,
            "model": "qwen",
            "output": [
                {
                    "type": "message",
                    "id": "m",
                    "role": "assistant",
                    "status": "completed",
                    "content": [{"type": "output_text", "text": "hi", "annotations": []}],
                }
            ],
            "parallel_tool_calls": True,
            "tool_choice": "auto",
            "tools": [],
        },
        True,
    ),
    (
        "input-token-count",
        "responses.InputTokenCountResponse",
        {"object": "response.input_tokens", "input_tokens": 11},
        True,
    ),
]


@pytest.mark.parametrize(("dotted", "doc"), [(d[1], d[2]) for d in DOCUMENTS], ids=[d[0] for d in DOCUMENTS])
def test_parsing_matches_openai(dotted: str, doc: dict[str, Any]) -> None:
    ours, theirs = _parse_both(dotted, doc)
    _assert_same(ours, theirs)


@pytest.mark.parametrize(("dotted", "doc", "strict"), [d[1:] for d in DOCUMENTS], ids=[d[0] for d in DOCUMENTS])
def test_well_formed_documents_take_the_strict_fast_path(dotted: str, doc: dict[str, Any], strict: bool) -> None:
    model = _resolve("cacheai.types", dotted)
    try:
        model.model_validate_json(json.dumps(doc), strict=True)
        accepted = True
    except ValueError:
        accepted = False
    assert accepted is strict


def test_lenient_parse_keeps_what_the_server_sent() -> None:
    doc = next(d[2] for d in DOCUMENTS if d[0] == "chat-vllm-unknown-finish-reason-and-extras")
    completion = parse_json(cacheai.types.chat.ChatCompletion, json.dumps(doc))
    choice = completion.choices[0]
    assert choice.finish_reason == "eos_token"
    assert choice.model_extra == {"stop_reason": 2}
    assert choice.message.model_extra == {"reasoning_content": "think"}
    assert completion.model_extra == {"prompt_logprobs": None, "kv_transfer_params": None}

    no_created = parse_json(cacheai.types.Model, '{"id": "tiny", "object": "model", "owned_by": "me"}')
    assert no_created.created is None
    assert "created" not in no_created.model_fields_set


def test_tool_call_union_resolves_by_type() -> None:
    doc = next(d[2] for d in DOCUMENTS if d[0] == "chat-tool-calls-function-and-custom")
    message = parse_json(cacheai.types.chat.ChatCompletion, json.dumps(doc)).choices[0].message
    assert message.tool_calls is not None
    function_call, custom_call = message.tool_calls
    assert isinstance(function_call, cacheai.types.chat.ChatCompletionMessageFunctionToolCall)
    assert isinstance(function_call, cacheai.types.chat.ChatCompletionMessageToolCall)
    assert function_call.function.arguments == '{"city": "Paris"}'
    assert isinstance(custom_call, cacheai.types.chat.ChatCompletionMessageCustomToolCall)
    assert custom_call.custom.input == "SELECT 1"


def test_response_output_text_matches_openai() -> None:
    ours, theirs = _parse_both("responses.Response", RESPONSE)
    assert ours.output_text == theirs.output_text == "The image depicts a scenic landscape. It is sunny."
    empty, empty_theirs = _parse_both("responses.Response", {**RESPONSE, "output": []})
    assert empty.output_text == empty_theirs.output_text == ""


STREAM_EVENTS: list[dict[str, Any]] = [
    {"type": "response.created", "sequence_number": 0, "response": {**RESPONSE, "status": "in_progress"}},
    {"type": "response.in_progress", "sequence_number": 1, "response": {**RESPONSE, "status": "in_progress"}},
    {
        "type": "response.output_item.added",
        "sequence_number": 2,
        "output_index": 0,
        "item": {"type": "message", "id": "msg_1", "status": "in_progress", "role": "assistant", "content": []},
    },
    {
        "type": "response.content_part.added",
        "sequence_number": 3,
        "item_id": "msg_1",
        "output_index": 0,
        "content_index": 0,
        "part": {"type": "output_text", "text": "", "annotations": []},
    },
    {
        "type": "response.output_text.delta",
        "sequence_number": 4,
        "item_id": "msg_1",
        "output_index": 0,
        "content_index": 0,
        "delta": "Hi",
        "logprobs": [],
        "obfuscation": "abc",
    },
    {
        "type": "response.output_text.done",
        "sequence_number": 5,
        "item_id": "msg_1",
        "output_index": 0,
        "content_index": 0,
        "text": "Hi",
        "logprobs": [],
    },
    {
        "type": "response.content_part.done",
        "sequence_number": 6,
        "item_id": "msg_1",
        "output_index": 0,
        "content_index": 0,
        "part": {"type": "output_text", "text": "Hi", "annotations": []},
    },
    {
        "type": "response.output_item.done",
        "sequence_number": 7,
        "output_index": 1,
        "item": {
            "type": "function_call",
            "id": "fc_1",
            "call_id": "call_1",
            "name": "f",
            "arguments": "{}",
            "status": "completed",
        },
    },
    {
        "type": "response.function_call_arguments.delta",
        "sequence_number": 8,
        "item_id": "fc_1",
        "output_index": 1,
        "delta": '{"a"',
    },
    {
        "type": "response.function_call_arguments.done",
        "sequence_number": 9,
        "item_id": "fc_1",
        "output_index": 1,
        "name": "f",
        "arguments": '{"a": 1}',
    },
    {
        "type": "response.refusal.delta",
        "sequence_number": 10,
        "item_id": "msg_1",
        "output_index": 0,
        "content_index": 1,
        "delta": "No",
    },
    {
        "type": "response.refusal.done",
        "sequence_number": 11,
        "item_id": "msg_1",
        "output_index": 0,
        "content_index": 1,
        "refusal": "No",
    },
    {
        "type": "response.reasoning_summary_text.delta",
        "sequence_number": 12,
        "item_id": "rs_1",
        "output_index": 0,
        "summary_index": 0,
        "delta": "Think",
    },
    {
        "type": "response.reasoning_summary_text.done",
        "sequence_number": 13,
        "item_id": "rs_1",
        "output_index": 0,
        "summary_index": 0,
        "text": "Thinking",
    },
    {"type": "response.completed", "sequence_number": 14, "response": RESPONSE},
    {"type": "response.failed", "sequence_number": 15, "response": {**RESPONSE, "status": "failed"}},
    {"type": "response.incomplete", "sequence_number": 16, "response": {**RESPONSE, "status": "incomplete"}},
    {"type": "error", "sequence_number": 17, "code": "server_error", "message": "boom", "param": None},
    {"type": "response.output_text.delta", "sequence_number": "18", "delta": 5, "extra": True},
]


@pytest.mark.parametrize("event", STREAM_EVENTS, ids=[f"{i}-{e['type']}" for i, e in enumerate(STREAM_EVENTS)])
def test_stream_events_parse_like_openai(event: dict[str, Any]) -> None:
    ours = parse_response_stream_event(event)
    theirs = openai_models.construct_type(type_=_resolve("openai.types", "responses.ResponseStreamEvent"), value=event)
    assert type(ours).__name__ == type(theirs).__name__
    assert ours.type == event["type"]
    _assert_same(ours, theirs)


def test_unknown_stream_event_is_kept() -> None:
    event = {"type": "response.brand_new.delta", "sequence_number": 3, "delta": {"x": [1, 2]}}
    parsed = parse_response_stream_event(event)
    assert isinstance(parsed, ResponseUnknownEvent)
    assert parsed.type == "response.brand_new.delta"
    assert parsed.model_extra == {"sequence_number": 3, "delta": {"x": [1, 2]}}
    assert parsed.to_dict() == event

    untyped = parse_response_stream_event({"sequence_number": 4})
    assert isinstance(untyped, ResponseUnknownEvent)
    assert untyped.type is None
    assert untyped.to_dict() == {"sequence_number": 4}

    odd = parse_response_stream_event({"type": {"not": "a string"}})
    assert isinstance(odd, ResponseUnknownEvent)
    assert odd.to_dict(warnings=False) == {"type": {"not": "a string"}}


def test_every_stream_event_type_is_dispatched() -> None:
    union = typing.get_args(_without_annotations(_resolve("cacheai.types", "responses.ResponseStreamEvent")))
    openai_union = typing.get_args(_without_annotations(_resolve("openai.types", "responses.ResponseStreamEvent")))
    assert [m.__name__ for m in union] == [m.__name__ for m in openai_union]
    for model in union:
        for tag in typing.get_args(model.model_fields["type"].annotation):
            assert type(parse_response_stream_event({"type": tag})) is model


# ---------------------------------------------------------------------------------------------------------
# Structure: every class cacheai.types defines has openai's fields, in openai's order, with openai's defaults


def _cacheai_modules() -> Iterator[str]:
    root = os.path.dirname(cacheai.types.__file__)
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            if name.endswith(".py") and name != "__init__.py":
                rel = os.path.relpath(os.path.join(dirpath, name), root)[:-3].replace(os.sep, ".")
                yield rel


OUR_OWN_MODULES = {"responses.response_stream_event_parsing"}


def _required_keys(typed_dict: Any) -> set[str]:
    hints = typing.get_type_hints(typed_dict, include_extras=True)
    required = set()
    for key, hint in hints.items():
        while typing.get_origin(hint) is typing.Annotated:
            hint = typing.get_args(hint)[0]
        if typing.get_origin(hint) in (typing.Required, typing_extensions.Required):
            required.add(key)
    return required


def _field_signature(model: Any) -> list[tuple[object, ...]]:
    return [(n, f.alias, repr(f.default), f.is_required()) for n, f in model.model_fields.items()]


@pytest.mark.parametrize("module", [m for m in _cacheai_modules() if m not in OUR_OWN_MODULES])
def test_module_mirrors_openai(module: str) -> None:
    ours = importlib.import_module(f"cacheai.types.{module}")
    theirs = importlib.import_module(f"openai.types.{module}")
    classes = {
        name: value
        for name, value in vars(ours).items()
        if isinstance(value, type) and value.__module__ == ours.__name__ and not name.startswith("_")
    }
    assert ours.__all__
    assert [name for name in ours.__all__ if not hasattr(theirs, name)] == []
    for name, ours_cls in classes.items():
        theirs_cls = getattr(theirs, name)
        if issubclass(ours_cls, BaseModel):
            assert _field_signature(ours_cls) == _field_signature(theirs_cls), name
        else:
            assert typing_extensions.is_typeddict(ours_cls)
            assert list(typing.get_type_hints(ours_cls)) == list(typing.get_type_hints(theirs_cls)), name
            assert _required_keys(ours_cls) == _required_keys(theirs_cls), name


IN_SCOPE: dict[str, list[str]] = {
    "types": [
        "Completion", "CompletionChoice", "CompletionUsage", "Model", "ModelDeleted", "CreateEmbeddingResponse",
        "Embedding", "EmbeddingModel", "FileObject", "FileDeleted", "FilePurpose", "Batch", "BatchError",
        "BatchRequestCounts", "BatchUsage", "ChatModel", "Metadata", "Reasoning", "ReasoningEffort",
        "ResponseFormatText", "ResponseFormatJSONObject", "ResponseFormatJSONSchema", "FunctionDefinition",
        "FunctionParameters", "ErrorObject",
    ],
    "types.completion_usage": ["CompletionTokensDetails", "PromptTokensDetails"],
    "types.create_embedding_response": ["Usage"],
    "types.completion_choice": ["Logprobs"],
    "types.chat": [
        "ChatCompletion", "ChatCompletionChunk", "ChatCompletionMessage", "ChatCompletionMessageToolCall",
        "ChatCompletionMessageFunctionToolCall", "ChatCompletionMessageCustomToolCall",
        "ChatCompletionMessageToolCallUnion", "ChatCompletionTokenLogprob", "ChatCompletionAudio",
        "ChatCompletionDeleted", "ChatCompletionStoreMessage", "ChatCompletionRole", "ChatCompletionModality",
        "ChatCompletionReasoningEffort", "ChatCompletionMessageParam", "ChatCompletionDeveloperMessageParam",
        "ChatCompletionSystemMessageParam", "ChatCompletionUserMessageParam",
        "ChatCompletionAssistantMessageParam", "ChatCompletionToolMessageParam",
        "ChatCompletionFunctionMessageParam", "ChatCompletionContentPartParam",
        "ChatCompletionContentPartTextParam", "ChatCompletionContentPartImageParam",
        "ChatCompletionContentPartInputAudioParam", "ChatCompletionContentPartRefusalParam",
        "ChatCompletionToolParam", "ChatCompletionFunctionToolParam", "ChatCompletionCustomToolParam",
        "ChatCompletionToolUnionParam", "ChatCompletionToolChoiceOptionParam",
        "ChatCompletionNamedToolChoiceParam", "ChatCompletionStreamOptionsParam",
        "ChatCompletionPredictionContentParam", "ChatCompletionAudioParam", "ChatCompletionMessageToolCallParam",
        "ChatCompletionFunctionCallOptionParam", "CompletionCreateParams",
    ],
    "types.chat.chat_completion": ["Choice", "ChoiceLogprobs"],
    "types.chat.chat_completion_chunk": [
        "Choice", "ChoiceDelta", "ChoiceDeltaToolCall", "ChoiceDeltaToolCallFunction", "ChoiceDeltaFunctionCall",
        "ChoiceLogprobs",
    ],
    "types.chat.chat_completion_message": ["Annotation", "AnnotationURLCitation", "FunctionCall"],
    "types.chat.chat_completion_content_part_param": ["File", "FileFile"],
    "types.chat.completion_create_params": ["ResponseFormat", "WebSearchOptions", "FunctionCall"],
    "types.shared_params": [
        "Metadata", "ChatModel", "Reasoning", "ReasoningEffort", "ResponseFormatText", "ResponseFormatJSONObject",
        "ResponseFormatJSONSchema", "FunctionDefinition", "FunctionParameters",
    ],
    "types.responses": [
        "Response", "ResponseOutputItem", "ResponseOutputMessage", "ResponseOutputText", "ResponseOutputRefusal",
        "ResponseUsage", "ResponseItem", "ResponseInputItemParam", "ResponseInputParam", "ResponseStreamEvent",
        "ResponseCreatedEvent", "ResponseInProgressEvent", "ResponseCompletedEvent", "ResponseFailedEvent",
        "ResponseIncompleteEvent", "ResponseOutputItemAddedEvent", "ResponseOutputItemDoneEvent",
        "ResponseContentPartAddedEvent", "ResponseContentPartDoneEvent", "ResponseTextDeltaEvent",
        "ResponseTextDoneEvent", "ResponseFunctionCallArgumentsDeltaEvent",
        "ResponseFunctionCallArgumentsDoneEvent", "ResponseRefusalDeltaEvent", "ResponseRefusalDoneEvent",
        "ResponseErrorEvent", "ResponseReasoningSummaryTextDeltaEvent", "ResponseReasoningSummaryTextDoneEvent",
        "ResponseReasoningItem", "ResponseFunctionToolCall", "InputTokenCountResponse", "Tool", "ToolParam",
        "FunctionToolParam", "EasyInputMessageParam", "ResponseInputTextParam", "ResponseTextConfig",
    ],
}  # fmt: skip


def test_packages_import_names_lazily() -> None:
    code = (
        "import sys, cacheai\n"
        "before = set(sys.modules)\n"
        "from cacheai.types.chat import ChatCompletionChunk\n"
        "loaded = sorted(m for m in set(sys.modules) - before if m.startswith('cacheai.types'))\n"
        "assert ChatCompletionChunk.__module__ == 'cacheai.types.chat.chat_completion_chunk'\n"
        "assert 'cacheai.types.responses' not in loaded, loaded\n"
        "assert 'cacheai.types.chat.completion_create_params' not in loaded, loaded\n"
        "assert 'cacheai.types.chat.chat_completion_token_logprob' in sys.modules, loaded\n"
        "assert len(loaded) <= 7, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONPATH": _SRC})


def test_lazy_package_attributes() -> None:
    chat = importlib.import_module("cacheai.types.chat")
    assert "ChatCompletionMessage" in dir(chat)
    assert chat.ChatCompletionMessage is cacheai.types.chat.chat_completion_message.ChatCompletionMessage
    with pytest.raises(AttributeError, match="NoSuchType"):
        _ = chat.NoSuchType


@pytest.mark.parametrize("package", list(IN_SCOPE))
def test_openai_names_are_importable_from_cacheai(package: str) -> None:
    ours = importlib.import_module(f"cacheai.{package}")
    theirs = importlib.import_module(f"openai.{package}")
    for name in IN_SCOPE[package]:
        assert hasattr(theirs, name), f"openai.{package}.{name} (test list is wrong)"
        assert hasattr(ours, name), f"cacheai.{package}.{name} is missing"
        if isinstance(getattr(theirs, name), type):
            assert getattr(ours, name).__name__ == getattr(theirs, name).__name__


def test_package_exports_follow_openai() -> None:
    """Every name a cacheai types package exports is exported by the openai package of the same path."""
    for package in ["types", "types.chat", "types.responses", "types.shared", "types.shared_params"]:
        ours = importlib.import_module(f"cacheai.{package}")
        theirs = importlib.import_module(f"openai.{package}")
        exported = set(ours.__all__) - {"ResponseUnknownEvent", "parse_response_stream_event"}
        assert exported, package
        assert sorted(n for n in exported if not hasattr(theirs, n)) == [], package
