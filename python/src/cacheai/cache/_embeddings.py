"""Embeddings cached per input item: a list with some hits sends only its misses.

Each item's key is the request's with ``input`` replaced by that one item (model, dimensions, encoding format
and the item's form are all in it). On a partial hit the request body is re-encoded with the misses only; when
the answer arrives its vectors are stored one by one and merged with the hits, in input order with the right
``index``. ``usage`` is the server's, for what was actually sent; an all-hit answer reports zero tokens.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._utils import encode_json

if TYPE_CHECKING:
    from .._exchange import Exchange

__all__ = ["EmbeddingPlan", "items_of", "merged_answer", "send_only"]


@dataclass
class EmbeddingPlan:
    """What one embeddings call found: a key per item, the hits by position, the positions sent."""

    keys: list[str]
    hits: dict[int, dict[str, Any]] = field(default_factory=dict)
    sent: list[int] = field(default_factory=list)
    store: bool = True
    model: str | None = None


def items_of(body: Mapping[str, Any]) -> list[Any] | None:
    """The input items: several for a list of strings or of token lists, one otherwise; ``None`` if odd."""
    value = body.get("input")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value:
        if all(isinstance(v, str) or (isinstance(v, list) and not isinstance(v, str)) for v in value):
            return list(value)
        if all(isinstance(v, int) for v in value):
            return [value]
    return None


def send_only(exchange: Exchange, positions: list[int], items: list[Any]) -> None:
    """Re-encode the request with the items at ``positions`` only."""
    body = dict(exchange.body)
    body["input"] = [items[i] for i in positions]
    data = encode_json(body)
    exchange.request.body = data
    exchange.request.headers["Content-Length"] = str(len(data))


def merged_answer(plan: EmbeddingPlan, answer: dict[str, Any] | None, count: int) -> dict[str, Any]:
    """The answer for all ``count`` items: the hits, and the sent items' vectors from ``answer``."""
    data: list[Any] = [None] * count
    for position, item in plan.hits.items():
        data[position] = {**item, "index": position}
    if answer is not None:
        received = sorted(answer.get("data") or [], key=lambda d: d.get("index", 0))
        for position, item in zip(plan.sent, received, strict=True):
            data[position] = {**item, "index": position}
        merged = dict(answer)
        merged["data"] = data
        return merged
    return {
        "object": "list",
        "data": data,
        "model": plan.model or "",
        "usage": {"prompt_tokens": 0, "total_tokens": 0},
    }


def item_entry_body(item: Mapping[str, Any]) -> str:
    return json.dumps({k: v for k, v in item.items() if k != "index"}, ensure_ascii=False, separators=(",", ":"))
