"""OpenAI-shaped JSON objects built from a request body and the fake model's reply."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import struct
import time
import uuid
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._replies import Reply, ToolCall, count_tokens, message_text, prompt_tokens, split_tokens

__all__ = [
    "SYSTEM_FINGERPRINT",
    "chat_chunks",
    "chat_completion",
    "completion",
    "completion_chunks",
    "embeddings",
    "model_object",
    "new_id",
    "response_object",
    "responses_as_chat",
    "stream_events_of",
]

SYSTEM_FINGERPRINT = "fp_cacheai_fake"
_ARGUMENT_PIECE = 8


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:24]}"


def now() -> int:
    return int(time.time())


@dataclass(frozen=True)
class Rendered:
    """A reply cut to the request's limits: final text, tool calls and finish reason."""

    text: str
    tool_calls: tuple[tuple[str, ToolCall], ...]  # (call id, call)
    finish_reason: str
    refusal: str | None

    @property
    def completion_tokens(self) -> int:
        tool_tokens = sum(count_tokens(call.arguments_json()) + 1 for _, call in self.tool_calls)
        return count_tokens(self.text) + tool_tokens


def render(reply: Reply, body: Mapping[str, Any], *limit_keys: str) -> Rendered:
    """Apply ``stop`` sequences and the token limit named by ``limit_keys`` to a reply."""
    text = reply.content or ""
    finish = reply.finish_reason
    stops = body.get("stop")
    for stop in [stops] if isinstance(stops, str) else stops if isinstance(stops, list) else []:
        if isinstance(stop, str) and stop and stop in text:
            text = text[: text.index(stop)]
            finish = finish or "stop"
    limit = next((body[key] for key in limit_keys if isinstance(body.get(key), int)), None)
    if limit is not None and count_tokens(text) > limit:
        kept: list[str] = []
        for token in split_tokens(text):
            if token.strip() and sum(1 for t in kept if t.strip()) >= limit:
                break
            kept.append(token)
        text = "".join(kept)
        finish = finish or "length"
    calls = tuple((call.id or new_id("call_"), call) for call in reply.tool_calls)
    finish = finish or ("tool_calls" if calls else "stop")
    return Rendered(text=text, tool_calls=calls, finish_reason=finish, refusal=reply.refusal)


def _usage(prompt: int, completion_tokens: int) -> dict[str, Any]:
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt + completion_tokens,
        "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
        "completion_tokens_details": {
            "reasoning_tokens": 0,
            "audio_tokens": 0,
            "accepted_prediction_tokens": 0,
            "rejected_prediction_tokens": 0,
        },
    }


def _choice_count(body: Mapping[str, Any]) -> int:
    n = body.get("n")
    return n if isinstance(n, int) and n > 0 else 1


def _model(body: Mapping[str, Any], fallback: str) -> str:
    model = body.get("model")
    return model if isinstance(model, str) and model else fallback


# --- chat completions -----------------------------------------------------------------------------------


def chat_completion(body: Mapping[str, Any], reply: Reply, *, default_model: str) -> dict[str, Any]:
    rendered = render(reply, body, "max_completion_tokens", "max_tokens")
    n = _choice_count(body)
    message: dict[str, Any] = {
        "role": "assistant",
        "content": rendered.text if (rendered.text or not rendered.tool_calls) else None,
        "refusal": rendered.refusal,
        "annotations": [],
    }
    if rendered.tool_calls:
        message["tool_calls"] = [
            {
                "id": call_id,
                "type": "function",
                "function": {"name": call.name, "arguments": call.arguments_json()},
            }
            for call_id, call in rendered.tool_calls
        ]
    choices = [
        {"index": index, "message": dict(message), "logprobs": None, "finish_reason": rendered.finish_reason}
        for index in range(n)
    ]
    return {
        "id": new_id("chatcmpl-"),
        "object": "chat.completion",
        "created": now(),
        "model": _model(body, default_model),
        "choices": choices,
        "usage": _usage(prompt_tokens(body.get("messages")), rendered.completion_tokens * n),
        "service_tier": "default",
        "system_fingerprint": SYSTEM_FINGERPRINT,
    }


def chat_chunks(body: Mapping[str, Any], reply: Reply, *, default_model: str) -> Iterator[dict[str, Any]]:
    """The chunk sequence of a streamed chat completion (with the usage chunk when asked for)."""
    rendered = render(reply, body, "max_completion_tokens", "max_tokens")
    n = _choice_count(body)
    include_usage = _include_usage(body)
    base = {
        "id": new_id("chatcmpl-"),
        "object": "chat.completion.chunk",
        "created": now(),
        "model": _model(body, default_model),
        "service_tier": "default",
        "system_fingerprint": SYSTEM_FINGERPRINT,
    }

    def chunk(index: int, delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
        choice = {"index": index, "delta": delta, "logprobs": None, "finish_reason": finish_reason}
        result = {**base, "choices": [choice]}
        if include_usage:
            result["usage"] = None
        return result

    for index in range(n):
        if rendered.tool_calls and not rendered.text:
            yield chunk(index, {"role": "assistant", "content": None, "refusal": None})
        else:
            yield chunk(index, {"role": "assistant", "content": "", "refusal": None})
            for token in split_tokens(rendered.text):
                yield chunk(index, {"content": token})
        for position, (call_id, call) in enumerate(rendered.tool_calls):
            head = {
                "index": position,
                "id": call_id,
                "type": "function",
                "function": {"name": call.name, "arguments": ""},
            }
            yield chunk(index, {"tool_calls": [head]})
            arguments = call.arguments_json()
            for start in range(0, len(arguments), _ARGUMENT_PIECE):
                piece = arguments[start : start + _ARGUMENT_PIECE]
                yield chunk(index, {"tool_calls": [{"index": position, "function": {"arguments": piece}}]})
        yield chunk(index, {}, rendered.finish_reason)
    if include_usage:
        usage = _usage(prompt_tokens(body.get("messages")), rendered.completion_tokens * n)
        yield {**base, "choices": [], "usage": usage}


def _include_usage(body: Mapping[str, Any]) -> bool:
    options = body.get("stream_options")
    return isinstance(options, dict) and bool(options.get("include_usage"))


# --- legacy completions ---------------------------------------------------------------------------------


def prompts_of(body: Mapping[str, Any]) -> list[str]:
    """The prompts of a legacy completion request (a string, a list of strings, or token lists)."""
    prompt = body.get("prompt", "")
    if isinstance(prompt, str):
        return [prompt]
    if isinstance(prompt, list) and prompt and all(isinstance(p, str) for p in prompt):
        return list(prompt)
    if isinstance(prompt, list) and prompt and all(isinstance(p, int) for p in prompt):
        return [" ".join(str(p) for p in prompt)]
    if isinstance(prompt, list):
        return [" ".join(str(t) for t in p) if isinstance(p, list) else str(p) for p in prompt]
    return [str(prompt)]


def completion(body: Mapping[str, Any], replies: Sequence[Reply], *, default_model: str) -> dict[str, Any]:
    """A legacy completion; ``replies`` holds one reply per prompt."""
    n = _choice_count(body)
    choices: list[dict[str, Any]] = []
    completion_tokens = 0
    for reply in replies:
        rendered = render(reply, body, "max_tokens")
        for _ in range(n):
            choices.append(
                {
                    "text": rendered.text,
                    "index": len(choices),
                    "logprobs": None,
                    "finish_reason": rendered.finish_reason,
                }
            )
            completion_tokens += count_tokens(rendered.text)
    prompt = sum(count_tokens(p) for p in prompts_of(body))
    usage = _usage(prompt, completion_tokens)
    return {
        "id": new_id("cmpl-"),
        "object": "text_completion",
        "created": now(),
        "model": _model(body, default_model),
        "choices": choices,
        "usage": {key: usage[key] for key in ("prompt_tokens", "completion_tokens", "total_tokens")},
        "system_fingerprint": SYSTEM_FINGERPRINT,
    }


def completion_chunks(
    body: Mapping[str, Any], replies: Sequence[Reply], *, default_model: str
) -> Iterator[dict[str, Any]]:
    n = _choice_count(body)
    base = {
        "id": new_id("cmpl-"),
        "object": "text_completion",
        "created": now(),
        "model": _model(body, default_model),
        "system_fingerprint": SYSTEM_FINGERPRINT,
    }
    index = 0
    completion_tokens = 0
    for reply in replies:
        rendered = render(reply, body, "max_tokens")
        for _ in range(n):
            for token in split_tokens(rendered.text):
                yield {
                    **base,
                    "choices": [{"text": token, "index": index, "logprobs": None, "finish_reason": None}],
                }
            finish = {"text": "", "index": index, "logprobs": None, "finish_reason": rendered.finish_reason}
            yield {**base, "choices": [finish]}
            completion_tokens += count_tokens(rendered.text)
            index += 1
    if _include_usage(body):
        prompt = sum(count_tokens(p) for p in prompts_of(body))
        usage = _usage(prompt, completion_tokens)
        yield {
            **base,
            "choices": [],
            "usage": {k: usage[k] for k in ("prompt_tokens", "completion_tokens", "total_tokens")},
        }


# --- embeddings -----------------------------------------------------------------------------------------


def embedding_inputs(body: Mapping[str, Any]) -> list[str] | None:
    """The texts to embed (token lists become their decimal text); ``None`` when ``input`` is invalid."""
    value = body.get("input")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value:
        if all(isinstance(v, int) for v in value):
            return [" ".join(str(v) for v in value)]
        if all(isinstance(v, str) for v in value):
            return list(value)
        if all(isinstance(v, list) for v in value):
            return [" ".join(str(t) for t in v) for v in value]
    return None


def embedding_vector(text: str, model: str, dimensions: int) -> list[float]:
    """A deterministic unit vector for ``text``: the same input always gives the same float32 values."""
    raw: list[float] = []
    block = 0
    while len(raw) < dimensions:
        digest = hashlib.sha256(f"{model}\0{text}\0{block}".encode()).digest()
        raw.extend((value / 2**31) - 1.0 for value in struct.unpack("<8I", digest))
        block += 1
    del raw[dimensions:]
    norm = math.sqrt(sum(v * v for v in raw)) or 1.0
    return list(array("f", (v / norm for v in raw)))


def embeddings(body: Mapping[str, Any], texts: Sequence[str], *, dimensions: int, default_model: str) -> dict[str, Any]:
    model = _model(body, default_model)
    as_base64 = body.get("encoding_format") == "base64"
    data: list[dict[str, Any]] = []
    for index, text in enumerate(texts):
        vector = embedding_vector(text, model, dimensions)
        encoded: Any = base64.b64encode(array("f", vector).tobytes()).decode() if as_base64 else vector
        data.append({"object": "embedding", "index": index, "embedding": encoded})
    tokens = sum(count_tokens(t) for t in texts)
    return {
        "object": "list",
        "data": data,
        "model": model,
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    }


def model_object(model_id: str, *, created: int = 1_700_000_000) -> dict[str, Any]:
    return {"id": model_id, "object": "model", "created": created, "owned_by": "cacheai-fake"}


# --- responses ------------------------------------------------------------------------------------------


def responses_as_chat(body: Mapping[str, Any]) -> dict[str, Any]:
    """A Responses API body translated to the chat shape the fake model understands."""
    messages: list[dict[str, Any]] = []
    if isinstance(body.get("instructions"), str):
        messages.append({"role": "system", "content": body["instructions"]})
    items = body.get("input")
    if isinstance(items, str):
        messages.append({"role": "user", "content": items})
    elif isinstance(items, list):
        for item in items:
            if not isinstance(item, dict):
                continue
            kind = item.get("type", "message")
            if kind == "message":
                messages.append({"role": item.get("role", "user"), "content": message_text(item.get("content"))})
            elif kind == "function_call":
                call = {
                    "id": item.get("call_id"),
                    "type": "function",
                    "function": {"name": item.get("name"), "arguments": item.get("arguments", "")},
                }
                messages.append({"role": "assistant", "content": None, "tool_calls": [call]})
            elif kind == "function_call_output":
                messages.append(
                    {"role": "tool", "tool_call_id": item.get("call_id"), "content": str(item.get("output"))}
                )
    tools = [
        {
            "type": "function",
            "function": {
                "name": tool.get("name"),
                "parameters": tool.get("parameters") or {},
                "strict": tool.get("strict"),
            },
        }
        for tool in body.get("tools") or []
        if isinstance(tool, dict) and tool.get("type") == "function"
    ]
    chat: dict[str, Any] = {"model": body.get("model"), "messages": messages}
    text_format = (body.get("text") or {}).get("format") if isinstance(body.get("text"), dict) else None
    if isinstance(text_format, dict) and text_format.get("type") == "json_schema":
        chat["response_format"] = {"type": "json_schema", "json_schema": {"schema": text_format.get("schema")}}
    if tools:
        chat["tools"] = tools
        choice = body.get("tool_choice", "auto")
        chat["tool_choice"] = (
            {"type": "function", "function": {"name": choice.get("name")}} if isinstance(choice, dict) else choice
        )
    return chat


def _output_items(rendered: Rendered) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    if rendered.text or not rendered.tool_calls:
        part = {"type": "output_text", "text": rendered.text, "annotations": [], "logprobs": []}
        items.append(
            {
                "type": "message",
                "id": new_id("msg_"),
                "status": "completed",
                "role": "assistant",
                "content": [part],
            }
        )
    for call_id, call in rendered.tool_calls:
        items.append(
            {
                "type": "function_call",
                "id": new_id("fc_"),
                "call_id": call_id,
                "name": call.name,
                "arguments": call.arguments_json(),
                "status": "completed",
            }
        )
    return items


def response_object(
    body: Mapping[str, Any],
    reply: Reply,
    *,
    default_model: str,
    rendered: Rendered | None = None,
    output: list[dict[str, Any]] | None = None,
    status: str = "completed",
) -> dict[str, Any]:
    rendered = rendered or render(reply, body, "max_output_tokens")
    chat = responses_as_chat(body)
    input_tokens = prompt_tokens(chat["messages"])
    output_tokens = rendered.completion_tokens
    created = now()
    return {
        "id": new_id("resp_"),
        "object": "response",
        "created_at": created,
        "completed_at": created if status == "completed" else None,
        "status": status,
        "model": _model(body, default_model),
        "output": _output_items(rendered) if output is None else output,
        "parallel_tool_calls": True,
        "tool_choice": body.get("tool_choice", "auto"),
        "tools": body.get("tools") or [],
        "instructions": body.get("instructions"),
        "metadata": body.get("metadata") or {},
        "previous_response_id": body.get("previous_response_id"),
        "temperature": body.get("temperature", 1.0),
        "top_p": body.get("top_p", 1.0),
        "max_output_tokens": body.get("max_output_tokens"),
        "text": {"format": {"type": "text"}},
        "truncation": "disabled",
        "store": True,
        "background": False,
        "error": None,
        "incomplete_details": None if rendered.finish_reason != "length" else {"reason": "max_output_tokens"},
        "reasoning": {"effort": None, "summary": None},
        "user": None,
        "usage": {
            "input_tokens": input_tokens,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": output_tokens,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": input_tokens + output_tokens,
        },
    }


def compacted_response(body: Mapping[str, Any], items: list[dict[str, Any]]) -> dict[str, Any]:
    """``responses.compact``'s answer for a conversation of ``items``: one ``compaction`` item whose opaque
    ``encrypted_content`` is the conversation itself (base64 JSON), usage counting the conversation as input."""
    whole = {"instructions": body.get("instructions"), "input": items}
    conversation = json.dumps(whole, separators=(",", ":"))
    input_tokens = prompt_tokens(responses_as_chat(whole)["messages"])
    return {
        "id": new_id("resp_"),
        "object": "response.compaction",
        "created_at": now(),
        "output": [
            {
                "type": "compaction",
                "id": new_id("cmp_"),
                "encrypted_content": base64.b64encode(conversation.encode()).decode(),
            }
        ],
        "usage": {
            "input_tokens": input_tokens,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": 0,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": input_tokens,
        },
    }


def stream_events_of(final: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The events that stream the finished response ``final`` (``response.created`` to ``response.completed``)."""
    started = {**final, "status": "in_progress", "output": [], "usage": None, "completed_at": None}
    events: list[dict[str, Any]] = [
        {"type": "response.created", "response": started},
        {"type": "response.in_progress", "response": started},
    ]
    for output_index, item in enumerate(final["output"]):
        events.extend(_item_events(output_index, item))
    events.append({"type": "response.completed", "response": final})
    for sequence_number, event in enumerate(events):
        yield {**event, "sequence_number": sequence_number}


def _item_events(output_index: int, item: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if item["type"] == "message":
        yield {
            "type": "response.output_item.added",
            "output_index": output_index,
            "item": {**item, "status": "in_progress", "content": []},
        }
        where = {"item_id": item["id"], "output_index": output_index, "content_index": 0}
        text = item["content"][0]["text"]
        yield {
            "type": "response.content_part.added",
            **where,
            "part": {"type": "output_text", "text": "", "annotations": [], "logprobs": []},
        }
        for token in split_tokens(text):
            yield {"type": "response.output_text.delta", **where, "delta": token, "logprobs": []}
        yield {"type": "response.output_text.done", **where, "text": text, "logprobs": []}
        yield {"type": "response.content_part.done", **where, "part": item["content"][0]}
    else:
        yield {
            "type": "response.output_item.added",
            "output_index": output_index,
            "item": {**item, "status": "in_progress", "arguments": ""},
        }
        arguments = item["arguments"]
        for start in range(0, len(arguments), _ARGUMENT_PIECE):
            yield {
                "type": "response.function_call_arguments.delta",
                "item_id": item["id"],
                "output_index": output_index,
                "delta": arguments[start : start + _ARGUMENT_PIECE],
            }
        yield {
            "type": "response.function_call_arguments.done",
            "item_id": item["id"],
            "output_index": output_index,
            "name": item["name"],
            "arguments": arguments,
        }
    yield {"type": "response.output_item.done", "output_index": output_index, "item": item}
