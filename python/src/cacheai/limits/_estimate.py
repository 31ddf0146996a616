"""The token estimate charged to a budget before a call: prompt tokens plus the output it may produce.

- Text is counted by ``tiktoken`` (``o200k_base``) when it is installed *and* that encoding is already in its
  cache, intact (the SHA-256 tiktoken checks: a damaged file it would delete and download again); otherwise by
  characters: ``ceil(chars / 4)``, which is what OpenAI's own rate-limit accounting uses and errs on the high
  side for English. The choice is made once per process and never waits on the network.
- Chat messages: 4 tokens of framing per message plus the text of every field (content strings and text parts,
  ``name``, tool-call names and arguments, ``tool_call_id``, refusal), plus 3 for the reply's priming. Tool and
  function definitions and a response format are counted by their JSON length.
- Images: 85 tokens for ``detail: "low"``, else 765 (a 1024x1024 image at high detail: 85 + 4 tiles x 170),
  since the size is unknown before decoding. Audio and file parts: 200 tokens each, a placeholder.
- Output: ``max_completion_tokens`` / ``max_tokens`` / ``max_output_tokens`` times ``n``; when absent,
  ``DEFAULT_OUTPUT_TOKENS`` (1024) times ``n``. Embeddings have no output.

The estimate only reserves budget: after the response the difference to the real ``usage`` is refunded or
charged (``RateLimiter.reconcile``).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

__all__ = ["DEFAULT_OUTPUT_TOKENS", "count_text_tokens", "estimate_request_tokens"]

DEFAULT_OUTPUT_TOKENS = 1024
IMAGE_TOKENS_LOW = 85
IMAGE_TOKENS_HIGH = 765
OTHER_PART_TOKENS = 200
MESSAGE_OVERHEAD = 4
REPLY_PRIMING = 3
_OUTPUT_FIELDS = ("max_completion_tokens", "max_tokens", "max_output_tokens")
_TIKTOKEN_URL = "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken"
_TIKTOKEN_SHA256 = "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"  # what tiktoken checks


def _chars(text: str) -> int:
    return -(-len(text) // 4)


def _tiktoken_cache_file() -> str | None:
    """Where tiktoken keeps ``o200k_base`` once fetched (its own cache rules), or ``None`` with caching off."""
    cache_dir = os.environ.get("TIKTOKEN_CACHE_DIR")
    if cache_dir is None:
        cache_dir = os.environ.get("DATA_GYM_CACHE_DIR")
    if cache_dir is None:
        cache_dir = os.path.join(tempfile.gettempdir(), "data-gym-cache")
    if not cache_dir:  # tiktoken reads from the network every time
        return None
    return os.path.join(cache_dir, hashlib.sha1(_TIKTOKEN_URL.encode()).hexdigest())


def _cached_encoding_is_intact(path: str) -> bool:
    """The cached file exists and has the hash tiktoken expects (else tiktoken would delete it and download)."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError:
        return False
    return hashlib.sha256(data).hexdigest() == _TIKTOKEN_SHA256


@lru_cache(maxsize=1)
def _counter() -> Callable[[str], int]:
    """tiktoken's counter when it can run offline, else the character estimate. Never touches the network."""
    try:
        import tiktoken  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return _chars
    path = _tiktoken_cache_file()
    if path is None or not _cached_encoding_is_intact(path):
        return _chars
    try:
        encoding: Any = tiktoken.get_encoding("o200k_base")
    except Exception:  # a tiktoken that cannot load it after all: the character estimate
        return _chars
    encode = encoding.encode

    def count(text: str) -> int:
        return len(encode(text, disallowed_special=()))

    return count


def count_text_tokens(text: str) -> int:
    """The tokens of one text (tiktoken when available offline, else ``ceil(len / 4)``)."""
    return _counter()(text) if text else 0


def _json_tokens(value: object) -> int:
    return count_text_tokens(value if isinstance(value, str) else json.dumps(value, default=str))


def _part_tokens(part: object) -> int:
    """A content part of a chat message or a Responses input item."""
    if isinstance(part, str):
        return count_text_tokens(part)
    if not isinstance(part, Mapping):
        return 0
    kind = part.get("type")
    if kind in ("image_url", "input_image", "image"):
        image = part.get("image_url")
        detail = image.get("detail") if isinstance(image, Mapping) else part.get("detail")
        return IMAGE_TOKENS_LOW if detail == "low" else IMAGE_TOKENS_HIGH
    for field in ("text", "refusal"):
        text = part.get(field)
        if isinstance(text, str):
            return count_text_tokens(text)
    if kind in ("input_audio", "file", "input_file", "audio"):
        return OTHER_PART_TOKENS
    return _item_tokens(part)


def _content_tokens(content: object) -> int:
    if content is None:
        return 0
    if isinstance(content, str):
        return count_text_tokens(content)
    if isinstance(content, list):
        return sum(_part_tokens(part) for part in content)
    return _part_tokens(content)


def _item_tokens(item: Mapping[str, Any]) -> int:
    """One chat message (or Responses input item): framing, content, names, tool calls and results."""
    total = MESSAGE_OVERHEAD + _content_tokens(item.get("content"))
    for field in ("name", "tool_call_id", "refusal", "arguments", "output", "call_id"):
        value = item.get(field)
        if isinstance(value, str):
            total += count_text_tokens(value)
    calls = item.get("tool_calls")
    if isinstance(calls, list):
        for call in calls:
            function = call.get("function") if isinstance(call, Mapping) else None
            if isinstance(function, Mapping):
                total += _json_tokens(function.get("name") or "") + _json_tokens(function.get("arguments") or "")
    function_call = item.get("function_call")
    if isinstance(function_call, Mapping):
        total += _json_tokens(function_call.get("name") or "") + _json_tokens(function_call.get("arguments") or "")
    return total


def _inputs_tokens(value: object) -> int:
    """``prompt`` / ``input`` of completions, embeddings and responses: a text, texts, token ids or items."""
    if isinstance(value, str):
        return count_text_tokens(value)
    if isinstance(value, list):
        if value and all(isinstance(v, int) for v in value):
            return len(value)
        total = 0
        for entry in value:
            if isinstance(entry, Mapping):
                total += _item_tokens(entry)
            else:
                total += _inputs_tokens(entry)
        return total
    return 0


def _messages_tokens(messages: list[Any]) -> int:
    """Chat ``messages``: the reply's priming plus every message; a ``{"role", "content": str}`` one inline."""
    count = _counter()
    by_chars = count is _chars
    total = REPLY_PRIMING
    for message in messages:
        if message.__class__ is dict and len(message) == 2:
            content = message.get("content")
            if content.__class__ is str and "role" in message:
                total += MESSAGE_OVERHEAD + (-(-len(content) // 4) if by_chars else count(content) if content else 0)
                continue
        if isinstance(message, Mapping):
            total += _item_tokens(message)
    return total


def _field_tokens(field: str, value: object) -> int:
    """One prompt-bearing field of a request body (see ``_PROMPT_FIELDS``)."""
    if field == "messages":
        return _messages_tokens(value) if isinstance(value, list) else 0
    if field in ("prompt", "input"):
        return _inputs_tokens(value)
    if field == "instructions":
        return count_text_tokens(value) if isinstance(value, str) else 0
    if field == "text":
        return _json_tokens(value["format"]) if isinstance(value, Mapping) and value.get("format") else 0
    return _json_tokens(value) if value else 0  # tools, functions, response_format


_PROMPT_FIELDS = frozenset(
    ("messages", "prompt", "input", "instructions", "tools", "functions", "response_format", "text")
)
_OTHER_PROMPT_FIELDS = _PROMPT_FIELDS - {"messages"}
_OUTPUT_SHAPING_FIELDS = frozenset((*_OUTPUT_FIELDS, "n"))


def estimate_request_tokens(
    body: object, *, generates: bool = True, default_output_tokens: int = DEFAULT_OUTPUT_TOKENS
) -> int:
    """The estimated tokens of a request body (any endpoint; ``0`` for one without text).

    ``generates=False`` (embeddings, moderations) counts the input only. The body is walked once.
    """
    if body.__class__ is not dict and not isinstance(body, Mapping):
        return 0
    get = body.get
    messages = get("messages")
    prompt = (
        0
        if messages is None
        else _messages_tokens(messages)
        if messages.__class__ is list
        else _field_tokens("messages", messages)
    )
    if not _OTHER_PROMPT_FIELDS.isdisjoint(body):  # (a set operation in C: a chat body usually has none)
        for field, value in body.items():
            if field in _OTHER_PROMPT_FIELDS:
                prompt += _field_tokens(field, value)
    if not generates:
        return prompt
    if _OUTPUT_SHAPING_FIELDS.isdisjoint(body):
        return prompt + default_output_tokens
    output = get("max_completion_tokens")
    if output.__class__ is not int:
        output = default_output_tokens
        for field in _OUTPUT_FIELDS:
            value = get(field)
            if isinstance(value, int):
                output = value
                break
    n = get("n")
    if n is None:
        return prompt + int(output)
    return prompt + int(output) * (n if isinstance(n, int) and n > 0 else 1)
