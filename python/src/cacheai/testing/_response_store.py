"""The fake server's stored responses: what ``responses.retrieve``, ``delete`` and ``input_items.list`` read.

As on OpenAI, a response is stored unless it was created with ``store: false``; its input is kept as items
(a string input becomes one user message), each with an id.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from ._shapes import new_id

__all__ = ["ResponseStore", "input_items_of"]


def input_items_of(body: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The items of a Responses API request's ``input``, as ``input_items.list`` shows them."""
    given = body.get("input")
    if isinstance(given, str):
        given = [{"type": "message", "role": "user", "content": given}]
    items: list[dict[str, Any]] = []
    for item in given if isinstance(given, list) else []:
        if not isinstance(item, dict):
            continue
        item = {"type": "message", **item}
        if item["type"] == "message":
            item.setdefault("role", "user")
            item.setdefault("status", "completed")
            if isinstance(item.get("content"), str):
                kind = "output_text" if item["role"] == "assistant" else "input_text"
                item["content"] = [{"type": kind, "text": item["content"]}]
        item.setdefault("id", new_id("msg_" if item["type"] == "message" else "item_"))
        items.append(item)
    return items


class ResponseStore:
    """Created responses by id, with their input items."""

    def __init__(self) -> None:
        self._responses: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {}

    def add(self, body: Mapping[str, Any], response: dict[str, Any]) -> None:
        """Keep ``response`` (created from ``body``) unless the request said ``store: false``."""
        if body.get("store") is not False:
            self._responses[response["id"]] = (copy.deepcopy(response), input_items_of(body))

    def get(self, response_id: str) -> dict[str, Any] | None:
        stored = self._responses.get(response_id)
        return copy.deepcopy(stored[0]) if stored else None

    def input_items(self, response_id: str) -> list[dict[str, Any]] | None:
        stored = self._responses.get(response_id)
        return copy.deepcopy(stored[1]) if stored else None

    def delete(self, response_id: str) -> bool:
        return self._responses.pop(response_id, None) is not None
