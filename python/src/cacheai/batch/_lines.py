"""The JSONL of ``cacheai batch``: input lines to prompts (with clear errors), results to output lines.

An input line is a JSON string (the prompt) or a JSON object: ``prompt`` (a string or a list of messages) or
``messages``, any other request body field (``model``, ``temperature``, ``max_tokens``...), and an optional
``id`` (a string or an integer, unique in the file). Blank lines are skipped. An output line is
``{"id", "line", "content", "model", "usage", "cost", "cached", "error"}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["MAX_CUSTOM_ID", "InputLine", "LineError", "output_record", "parse_lines", "validate_lines"]

MAX_CUSTOM_ID = 64  # the Batch API's limit on custom ids (here: pydantic-free, the CLI imports it at start)


class LineError(ValueError):
    """An input line that is not a prompt; the message names the file and the line number."""


@dataclass(frozen=True, slots=True)
class InputLine:
    """One prompt of the input: its line number (from 1), its ``id`` if given, and the prompt for batch_generate."""

    number: int
    id: str | int | None
    prompt: str | dict[str, Any]

    @property
    def custom_id(self) -> str:
        """The Batch API's custom id: the given ``id``, else ``line-<number>``."""
        return str(self.id) if self.id is not None else f"line-{self.number}"


def parse_lines(lines: Iterable[str], source: str) -> Iterator[InputLine]:
    """The prompts of ``lines`` in order; ``LineError`` ("prompts.jsonl line 3: ...") at the first bad line."""
    for number, text in enumerate(lines, start=1):
        if text.strip():
            yield _parse(text, number, source)


def validate_lines(lines: Iterable[str], source: str) -> int:
    """Check every line (JSON, shape, unique ids) before anything is sent; returns the number of prompts."""
    seen: dict[str, int] = {}
    count = 0
    for line in parse_lines(lines, source):
        count += 1
        if line.id is None:
            continue
        key = str(line.id)
        if key in seen:
            raise LineError(f"{source} line {line.number}: id {line.id!r} is already used on line {seen[key]}")
        seen[key] = line.number
    return count


def _parse(text: str, number: int, source: str) -> InputLine:
    where = f"{source} line {number}"
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise LineError(f"{where}: not valid JSON ({error.msg} at column {error.colno})") from None
    if isinstance(value, str):
        return InputLine(number, None, value)
    if not isinstance(value, dict):
        raise LineError(
            f"{where}: expected a prompt string or a JSON object with 'prompt' or 'messages', got {_json_type(value)}"
        )
    body = dict(value)
    line_id = body.pop("id", None)
    if line_id is not None and (isinstance(line_id, bool) or not isinstance(line_id, (str, int))):
        raise LineError(f"{where}: 'id' must be a string or an integer, got {_json_type(line_id)}")
    if line_id is not None and not 0 < len(str(line_id)) <= MAX_CUSTOM_ID:  # an integer is sent as its digits
        raise LineError(f"{where}: 'id' must be 1 to {MAX_CUSTOM_ID} characters")
    if "custom_id" in body:
        raise LineError(f"{where}: give the line's custom id as 'id', not 'custom_id'")
    if ("prompt" in body) == ("messages" in body):
        raise LineError(f"{where}: give exactly one of 'prompt' (a string or a list of messages) or 'messages'")
    if body.get("stream"):
        raise LineError(f"{where}: 'stream' is not supported in a batch (each answer is collected whole)")
    key = "prompt" if "prompt" in body else "messages"
    messages = body.pop(key)
    if isinstance(messages, str) and key == "prompt":
        messages = [{"role": "user", "content": messages}]
    if not isinstance(messages, list) or not messages or not all(isinstance(m, dict) for m in messages):
        wanted = "a string or a non-empty list of messages" if key == "prompt" else "a non-empty list of messages"
        raise LineError(f'{where}: \'{key}\' must be {wanted} (objects such as {{"role": "user", ...}})')
    return InputLine(number, line_id, {"messages": messages, **body})


def _json_type(value: object) -> str:
    names = {list: "an array", dict: "an object", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def output_record(line: InputLine, result: Any) -> dict[str, Any]:
    """The output line of ``line``: its answer (content, model, usage, cost, cached) or its error."""
    record: dict[str, Any] = {"id": line.id, "line": line.number}
    if isinstance(result, BaseException):
        error: dict[str, Any] = {"type": type(result).__name__, "message": str(getattr(result, "message", result))}
        for name in ("status_code", "code"):
            value = getattr(result, name, None)
            if value is not None:
                error[name] = value
        return {**record, "content": None, "model": None, "usage": None, "cost": None, "cached": False, "error": error}
    usage = result.usage
    return {
        **record,
        "content": result.content,
        "model": result.model,
        "usage": {
            "prompt_tokens": usage.prompt_tokens,
            "completion_tokens": usage.completion_tokens,
            "total_tokens": usage.total_tokens,
        },
        "cost": usage.estimated_cost,
        "cached": result.cached,
        "error": None,
    }
