"""The token estimate for every message shape, and the output part."""

from __future__ import annotations

from cacheai.limits import DEFAULT_OUTPUT_TOKENS, count_text_tokens, estimate_request_tokens
from cacheai.limits._estimate import IMAGE_TOKENS_HIGH, IMAGE_TOKENS_LOW, MESSAGE_OVERHEAD, REPLY_PRIMING


def chat(*messages: dict[str, object], **extra: object) -> dict[str, object]:
    return {"model": "m", "messages": list(messages), **extra}


def test_text_is_counted_by_characters_without_tiktoken() -> None:
    assert count_text_tokens("") == 0
    assert count_text_tokens("abcd") == 1 and count_text_tokens("abcde") == 2


def test_string_messages_plus_output_times_n() -> None:
    body = chat({"role": "user", "content": "a" * 40}, max_tokens=100, n=2)
    assert estimate_request_tokens(body) == REPLY_PRIMING + MESSAGE_OVERHEAD + 10 + 200
    body = chat({"role": "user", "content": "a" * 40}, max_completion_tokens=7)
    assert estimate_request_tokens(body) == REPLY_PRIMING + MESSAGE_OVERHEAD + 10 + 7
    assert estimate_request_tokens(chat({"role": "user", "content": "hi"})) == REPLY_PRIMING + 4 + 1 + 1024
    assert DEFAULT_OUTPUT_TOKENS == 1024


def test_content_parts_images_tool_calls_and_results() -> None:
    parts = [
        {"type": "text", "text": "a" * 8},
        {"type": "image_url", "image_url": {"url": "data:...", "detail": "low"}},
        {"type": "image_url", "image_url": {"url": "https://x/y.png"}},
    ]
    assistant = {
        "role": "assistant",
        "content": None,
        "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "get", "arguments": '{"q": "abcd"}'}}],
    }
    tool = {"role": "tool", "tool_call_id": "c1", "content": [{"type": "text", "text": "a" * 12}]}
    body = chat({"role": "user", "content": parts, "name": "bob"}, assistant, tool, max_tokens=0)
    expected = REPLY_PRIMING + 3 * MESSAGE_OVERHEAD + 2 + IMAGE_TOKENS_LOW + IMAGE_TOKENS_HIGH + 1
    expected += 1 + 4  # tool call name and arguments
    expected += 1 + 3  # tool_call_id and result text
    assert estimate_request_tokens(body) == expected


def test_tools_completions_embeddings_and_responses() -> None:
    tools = [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}]
    with_tools = estimate_request_tokens(chat({"role": "user", "content": ""}, tools=tools, max_tokens=0))
    assert with_tools > REPLY_PRIMING + MESSAGE_OVERHEAD
    assert estimate_request_tokens({"prompt": ["a" * 4, "b" * 8], "max_tokens": 5}) == 3 + 5
    assert estimate_request_tokens({"prompt": [1, 2, 3], "max_tokens": 1}) == 4
    assert estimate_request_tokens({"input": ["abcd", "abcdefgh"]}, generates=False) == 3
    responses = {"input": [{"role": "user", "content": [{"type": "input_text", "text": "abcd"}]}], "instructions": "a"}
    assert estimate_request_tokens({**responses, "max_output_tokens": 10}) == MESSAGE_OVERHEAD + 1 + 1 + 10
    assert estimate_request_tokens(None) == 0
    assert estimate_request_tokens(chat({"role": "user", "content": {"weird": 1}}, max_tokens=0)) >= 4
