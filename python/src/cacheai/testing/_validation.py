"""Request checks the fake server makes the way OpenAI does: the same mistakes get the same 400 error body.

Each check returns ``None`` for a valid body, else ``(message, param, code)`` worded like OpenAI's answers
(``Invalid type for 'model': expected a string, but got an integer instead.``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "Problem",
    "chat_problem",
    "compact_problem",
    "completion_problem",
    "invalid_type",
    "invalid_value",
    "response_problem",
]

Problem = tuple[str, str, str]
"""(message, param, code) of a 400 ``invalid_request_error``."""

ROLES = ("system", "assistant", "user", "function", "tool", "developer")

_TYPE_NAMES = {
    str: "a string",
    bool: "a boolean",
    int: "an integer",
    float: "a number",
    list: "an array",
    dict: "an object",
    type(None): "null",
}
# Scalar parameters of chat and legacy completions, by the JSON type OpenAI expects.
_SCALARS: dict[str, tuple[type, ...]] = {
    "model": (str,),
    "stream": (bool,),
    "n": (int,),
    "max_tokens": (int,),
    "max_completion_tokens": (int,),
    "seed": (int,),
    "temperature": (int, float),
    "top_p": (int, float),
    "presence_penalty": (int, float),
    "frequency_penalty": (int, float),
}
_EXPECTED = {(str,): "a string", (bool,): "a boolean", (int,): "an integer", (int, float): "a decimal"}


def _kind(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def invalid_type(param: str, expected: str, value: object) -> Problem:
    """OpenAI's ``invalid_type`` problem: ``param`` holds ``value`` where ``expected`` belongs."""
    return f"Invalid type for '{param}': expected {expected}, but got {_kind(value)} instead.", param, "invalid_type"


def invalid_value(value: object, supported: Sequence[str]) -> str:
    """OpenAI's message for a value out of ``supported``:
    ``Invalid value: 'x'. Supported values are: 'a', 'b', and 'c'.``"""
    quoted = [f"'{name}'" for name in supported]
    listed = " and ".join(quoted) if len(quoted) < 3 else ", ".join(quoted[:-1]) + f", and {quoted[-1]}"
    return f"Invalid value: '{value}'. Supported values are: {listed}."


def _missing(param: str) -> Problem:
    return f"Missing required parameter: '{param}'.", param, "missing_required_parameter"


def _scalar_problem(body: Mapping[str, Any]) -> Problem | None:
    if "model" not in body:
        return "you must provide a model parameter", "model", "missing_required_parameter"
    for param, types in _SCALARS.items():
        value = body.get(param)
        if value is None and param != "model":
            continue
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            return invalid_type(param, _EXPECTED[types], value)
    return None


def chat_problem(body: Mapping[str, Any]) -> Problem | None:
    """What OpenAI would refuse in a chat completions body (model, messages and the scalar parameters)."""
    if "messages" not in body:
        return _missing("messages")
    messages = body["messages"]
    if not isinstance(messages, list):
        return invalid_type("messages", "an array of objects", messages)
    if not messages:
        message = (
            "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead."
        )
        return message, "messages", "empty_array"
    for index, item in enumerate(messages):
        param = f"messages[{index}]"
        if not isinstance(item, dict):
            return invalid_type(param, "an object", item)
        if "role" not in item:
            return _missing(f"{param}.role")
        if item["role"] not in ROLES:
            return invalid_value(item["role"], ROLES), f"{param}.role", "invalid_value"
    return _scalar_problem(body)


def completion_problem(body: Mapping[str, Any]) -> Problem | None:
    """What OpenAI would refuse in a legacy completions body (model, prompt and the scalar parameters)."""
    if "prompt" not in body:
        return _missing("prompt")
    if not isinstance(body["prompt"], (str, list)):
        return invalid_type("prompt", "a string or an array", body["prompt"])
    return _scalar_problem(body)


def compact_problem(body: Mapping[str, Any]) -> Problem | None:
    """What OpenAI would refuse in a ``responses/compact`` body: ``model`` missing, a ``previous_response_id`` that
    is not a string, or a bad ``input``/``tools``."""
    if "model" not in body:
        return _missing("model")
    previous = body.get("previous_response_id")
    if previous is not None and not isinstance(previous, str):
        return invalid_type("previous_response_id", "a string", previous)
    return response_problem(body, input_required=False)


def response_problem(body: Mapping[str, Any], *, input_required: bool = True) -> Problem | None:
    """What OpenAI would refuse in a Responses API body: ``input`` missing (unless not ``input_required``, as
    for an input token count resting on ``previous_response_id``) or neither a string nor items, ``tools`` not an
    array."""
    if body.get("input") is None:
        if input_required:
            return _missing("input")
    elif not isinstance(body["input"], (str, list)):
        return invalid_type("input", "a string or an array of input items", body["input"])
    if body.get("tools") is not None and not isinstance(body["tools"], list):
        return invalid_type("tools", "an array", body["tools"])
    return None
