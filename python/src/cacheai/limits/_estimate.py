"""The token estimate charged to a budget before a call: prompt tokens plus the output it may produce.

- Text is counted by ``tiktoken`` (``o200k_base``) when it is installed *and* that encoding is already in its
  cache (nothing is downloaded); otherwise by characters: ``ceil(chars / 4)``, which is what OpenAI's own
  rate-limit accounting uses and errs on the high side for English.
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


def _chars(text: str) -> int:
    return -(-len(text) // 4)


@lru_cache(maxsize=1)
def _counter() -> Callable[[str], int]:
    """tiktoken's counter when it can run offline, else the character estimate."""
    try:
        import tiktoken  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return _chars
    cache_dir = os.environ.get("TIKTOKEN_CACHE_DIR") or os.environ.get("DATA_GYM_CACHE_DIR")
    if cache_dir is None:
        cache_dir = os.path.join(tempfile.gettempdir(), "data-gym-cache")
    if not cache_dir or not os.path.exists(os.path.join(cache_dir, hashlib.sha1(_TIKTOKEN_URL.encode()).hexdigest())):
        return _chars  # pragma: no cover - depends on the machine's tiktoken cache
    try:  # pragma: no cover - depends on the machine's tiktoken cache
        encoding = tiktoken.get_encoding("o200k_base")
    except Exception:  # pragma: no cover
        return _chars

    def count(text: str) -> int:  # pragma: no cover
        return len(encoding.encode(text, disallowed_special=()))

    return count  # pragma: no cover


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


def estimate_request_tokens(
    body: object, *, generates: bool = True, default_output_tokens: int = DEFAULT_OUTPUT_TOKENS
) -> int:
    """The estimated tokens of a request body (any endpoint; ``0`` for one without text).

    ``generates=False`` (embeddings, moderations) counts the input only.
    """
    if not isinstance(body, Mapping):
        return 0
    prompt = 0
    messages = body.get("messages")
    if isinstance(messages, list):
        prompt += REPLY_PRIMING + sum(_item_tokens(m) if isinstance(m, Mapping) else 0 for m in messages)
    prompt += _inputs_tokens(body.get("prompt")) + _inputs_tokens(body.get("input"))
    instructions = body.get("instructions")
    if isinstance(instructions, str):
        prompt += count_text_tokens(instructions)
    for field in ("tools", "functions", "response_format"):
        value = body.get(field)
        if value:
            prompt += _json_tokens(value)
    text = body.get("text")
    if isinstance(text, Mapping) and text.get("format"):
        prompt += _json_tokens(text["format"])
    if not generates:
        return prompt
    output = next((body[f] for f in _OUTPUT_FIELDS if isinstance(body.get(f), int)), default_output_tokens)
    n = body.get("n")
    choices = n if isinstance(n, int) and n > 0 else 1
    return prompt + int(output) * choices
