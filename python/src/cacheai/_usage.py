"""``TokenUsage``: token counts in one shape for every API (chat, completions, embeddings, responses)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import pydantic

__all__ = ["TokenUsage", "token_usage", "usage_counts"]


class TokenUsage(pydantic.BaseModel):
    """Tokens one call used, and what they cost (USD; ``None`` when the model's price is unknown).

    ``cached_tokens`` are part of ``prompt_tokens`` (as OpenAI counts them) and ``reasoning_tokens`` part of
    ``completion_tokens``; each is ``None`` when the server did not report it.
    """

    model_config = pydantic.ConfigDict(frozen=True)

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    estimated_cost: float | None = None
    cached_tokens: int | None = None
    reasoning_tokens: int | None = None


def usage_counts(usage: Any) -> tuple[int, int, int, int | None, int | None] | None:
    """``(prompt, completion, total, cached, reasoning)`` from a usage object or dict of any API, or ``None``.

    Chat and completions report ``prompt_tokens``/``completion_tokens`` (with ``*_tokens_details``), the
    Responses API ``input_tokens``/``output_tokens``, embeddings only ``prompt_tokens``. Values that are not
    integers are treated as absent, never guessed.
    """
    if usage is None:
        return None
    get = functools.partial(_field, usage)
    prompt = _int(get("prompt_tokens"))
    completion = _int(get("completion_tokens"))
    prompt_details = get("prompt_tokens_details")
    completion_details = get("completion_tokens_details")
    if prompt is None and completion is None:
        prompt = _int(get("input_tokens"))
        completion = _int(get("output_tokens"))
        prompt_details = get("input_tokens_details")
        completion_details = get("output_tokens_details")
    if prompt is None and completion is None:
        return None
    prompt = prompt or 0
    completion = completion or 0
    total = _int(get("total_tokens"))
    return (
        prompt,
        completion,
        total if total is not None else prompt + completion,
        _int(_field(prompt_details, "cached_tokens")),
        _int(_field(completion_details, "reasoning_tokens")),
    )


def token_usage(usage: Any, price: Callable[[int, int, int | None], float | None]) -> TokenUsage | None:
    """The ``TokenUsage`` of a usage object or dict of any API (``None`` when it has no counts), its cost given by
    ``price(prompt_tokens, completion_tokens, cached_tokens)``."""
    counts = usage_counts(usage)
    if counts is None:
        return None
    prompt, completion, total, cached, reasoning = counts
    return TokenUsage(
        prompt_tokens=prompt,
        completion_tokens=completion,
        total_tokens=total,
        cached_tokens=cached,
        reasoning_tokens=reasoning,
        estimated_cost=price(prompt, completion, cached),
    )


def _field(details: Any, name: str) -> Any:
    if details is None:
        return None
    value = getattr(details, name, _ABSENT)  # typed usage objects first: the common case, and the fast one
    if value is not _ABSENT:
        return value
    return details.get(name) if isinstance(details, Mapping) else None


_ABSENT: Any = object()


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None
