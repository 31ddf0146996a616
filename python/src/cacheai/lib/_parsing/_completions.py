"""Chat completions with structured outputs: request ``response_format``/tools, and the parsed completion."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any, TypeVar, cast

import pydantic

from ..._exceptions import ContentFilterFinishReasonError, LengthFinishReasonError
from ..._models import construct_type
from ..._types import is_given
from ...types.chat import ChatCompletion, ParsedChatCompletion
from .._pydantic import is_basemodel_type, is_dataclass_like_type, to_strict_json_schema
from .._tools import PydanticFunctionTool

__all__ = [
    "has_rich_response_format",
    "parse_chat_completion",
    "parse_content",
    "parse_function_tool_arguments",
    "type_to_response_format_param",
    "validate_input_tools",
]

ResponseFormatT = TypeVar("ResponseFormatT")

log = logging.getLogger("cacheai.lib.parsing")


def has_rich_response_format(response_format: object) -> bool:
    """A type to parse into (not a ``response_format`` dict, not omitted)."""
    return is_given(response_format) and not isinstance(response_format, Mapping)


def type_to_response_format_param(response_format: Any) -> Any:
    """The wire ``response_format``: dicts and omitted values unchanged, a type as its strict JSON schema."""
    if not has_rich_response_format(response_format):
        return response_format
    if is_basemodel_type(response_format):
        schema = to_strict_json_schema(response_format)
    elif is_dataclass_like_type(response_format):
        schema = to_strict_json_schema(pydantic.TypeAdapter(response_format))
    else:
        raise TypeError(f"Unsupported response_format type - {response_format}")
    return {
        "type": "json_schema",
        "json_schema": {"schema": schema, "name": response_format.__name__, "strict": True},
    }


def validate_input_tools(tools: Any) -> Any:
    """``parse`` accepts only strict function tools (they are what can be parsed); returns them as a list."""
    if not is_given(tools):
        return tools
    tools = list(tools)
    for tool in tools:
        if tool["type"] != "function":
            raise ValueError(f"Currently only `function` tool types support auto-parsing; Received `{tool['type']}`")
        if tool["function"].get("strict") is not True:
            raise ValueError(
                f"`{tool['function']['name']}` is not strict. Only `strict` function tools can be auto-parsed"
            )
    return tools


def parse_content(response_format: Any, content: str) -> Any:
    """The message content parsed into ``response_format`` (a model class or a pydantic dataclass)."""
    if is_basemodel_type(response_format):
        return response_format.model_validate_json(content)
    if is_dataclass_like_type(response_format):
        return pydantic.TypeAdapter(response_format).validate_json(content)
    raise TypeError(f"Unable to automatically parse response format type {response_format}")


def parse_function_tool_arguments(tools: list[Any], name: str, arguments: str) -> object | None:
    """A tool call's arguments: the tool's model, the JSON of a strict tool, else ``None``."""
    tool = next((t for t in tools if t.get("type") == "function" and t.get("function", {}).get("name") == name), None)
    if tool is None:
        return None
    function = tool["function"]
    if isinstance(function, PydanticFunctionTool):
        return function.model.model_validate_json(arguments)
    if not function.get("strict"):
        return None
    parsed: object = json.loads(arguments)
    return parsed


def _parsed_message(message: dict[str, Any], response_format: Any, tools: list[Any]) -> dict[str, Any]:
    content, refusal = message.get("content"), message.get("refusal")
    parsed = None
    if has_rich_response_format(response_format) and content and not refusal:
        parsed = parse_content(response_format, content)
    calls = []
    for call in message.get("tool_calls") or []:
        if call.get("type") == "function":
            function = call["function"]
            arguments = parse_function_tool_arguments(tools, function["name"], function["arguments"])
            calls.append({**call, "function": {**function, "parsed_arguments": arguments}})
        elif call.get("type") == "custom":
            log.warning(
                "Custom tool calls are not callable. Ignoring tool call: %s - %s",
                call.get("id"),
                call.get("custom", {}).get("name"),
            )
        else:
            calls.append(call)
    return {**message, "parsed": parsed, "tool_calls": calls or None}


def parse_chat_completion(completion: ChatCompletion, response_format: Any, tools: Any) -> ParsedChatCompletion[Any]:
    """The completion with ``message.parsed`` and each tool call's ``parsed_arguments``.

    Raises ``LengthFinishReasonError``/``ContentFilterFinishReasonError`` when a choice was cut short.
    """
    input_tools = list(tools) if is_given(tools) else []
    choices = []
    for choice in completion.choices:
        if choice.finish_reason == "length":
            raise LengthFinishReasonError(completion=completion)
        if choice.finish_reason == "content_filter":
            raise ContentFilterFinishReasonError(completion=completion)
        data = choice.to_dict()
        data["message"] = _parsed_message(choice.message.to_dict(), response_format, input_tools)
        choices.append(data)
    # Parametrised with the TypeVar itself, as openai builds it: the class is ParsedChatCompletion[~ResponseFormatT]
    target = ParsedChatCompletion[ResponseFormatT]
    parsed = cast("ParsedChatCompletion[Any]", construct_type(target, {**completion.to_dict(), "choices": choices}))
    request_id = getattr(completion, "_request_id", None)
    if request_id is not None:
        object.__setattr__(parsed, "_request_id", request_id)
    return parsed
