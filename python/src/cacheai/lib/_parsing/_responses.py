"""The Responses API with structured outputs: ``text_format`` on the wire, ``output_parsed`` back."""

from __future__ import annotations

import json
from typing import Any

from ..._types import is_given, omit
from ...types.responses import (
    ParsedResponse,
    ParsedResponseFunctionToolCall,
    ParsedResponseOutputMessage,
    ParsedResponseOutputText,
    Response,
)
from ._completions import parse_content, type_to_response_format_param

__all__ = ["output_text_format", "parse_response", "text_with_format"]


def text_with_format(text: Any, text_format: Any) -> Any:
    """The ``text`` parameter with ``format`` set to ``text_format``'s strict JSON schema."""
    if not is_given(text_format):
        return text
    text = dict(text) if is_given(text) and text else {}
    if "format" in text:
        raise TypeError("Cannot mix and match text.format with text_format")
    json_schema = type_to_response_format_param(text_format)["json_schema"]
    text["format"] = {
        "type": "json_schema",
        "strict": True,
        "name": json_schema["name"],
        "schema": json_schema["schema"],
    }
    return text


def output_text_format(*, input: object, text: Any, text_format: Any, parse_as: Any) -> Any:
    """The type ``responses.parse`` parses the output text into: ``parse_as`` when given (``None``: no parsing),
    else ``text_format``. The input's last ``configuration_update`` item that sets ``text.format`` decides what the
    output is: plain text (no parsing, and ``parse_as`` refused), or a schema other than the request's, which
    needs ``parse_as`` (or ``parse_as=None``) to say how to read it.
    """
    if parse_as is None:
        return omit
    for update_format in _format_updates(input):
        if update_format.get("type") == "text":
            if is_given(parse_as):
                raise TypeError("Cannot use parse_as with a plain-text format update")
            return omit
        requested = text.get("format") if is_given(text) and isinstance(text, dict) else None
        if is_given(text_format) and not is_given(parse_as) and update_format != requested:
            raise TypeError("Pass parse_as for the updated output schema, or parse_as=None to read plain output_text")
        break
    return parse_as if is_given(parse_as) else text_format


def _format_updates(input: object) -> list[dict[str, Any]]:
    """The ``text.format`` dicts of the input's ``configuration_update`` items, last first."""
    if not isinstance(input, list):
        return []
    found = []
    for item in reversed(input):
        update = item.get("text") if isinstance(item, dict) and item.get("type") == "configuration_update" else None
        update_format = update.get("format") if isinstance(update, dict) else None
        if isinstance(update_format, dict):
            found.append(update_format)
    return found


def _input_tool(tools: list[Any], name: str, namespace: str | None) -> Any:
    """The function tool a call names: inside its ``namespace`` tool when it has one (a deferred top-level
    function may give its own name as the namespace), else among the top-level functions; ``None``: not given."""
    if namespace is not None:
        for tool in tools:
            if tool.get("type") == "namespace" and tool.get("name") == namespace:
                return next((t for t in tool["tools"] if t.get("type") == "function" and t.get("name") == name), None)
        if namespace != name:
            return None
    return next((t for t in tools if t.get("type") == "function" and t.get("name") == name), None)


def _tool_arguments(tools: list[Any], name: str, namespace: str | None, arguments: str) -> object:
    from .._tools import PydanticFunctionTool

    tool = _input_tool(tools, name, namespace)
    if tool is None:
        return None
    if isinstance(tool, PydanticFunctionTool):
        return tool.model.model_validate_json(arguments)
    return json.loads(arguments) if tool.get("strict") else None


def parse_response(response: Response, text_format: Any, tools: Any) -> ParsedResponse[Any]:
    """``response`` with each ``output_text`` parsed into ``text_format`` and function calls' ``parsed_arguments``."""
    input_tools = list(tools) if is_given(tools) and tools else []
    output: list[Any] = []
    for item in response.output:
        kind = getattr(item, "type", None)
        if kind == "message":
            phase = getattr(item, "phase", None)
            content = [
                ParsedResponseOutputText.model_construct(
                    _fields_set={*part.model_fields_set, "parsed"},
                    **dict(part),
                    parsed=parse_content(text_format, part.text)  # type: ignore[union-attr]
                    if is_given(text_format) and phase in (None, "final_answer")
                    else None,
                )
                if part.type == "output_text"
                else part
                for part in item.content  # type: ignore[union-attr]
            ]
            output.append(
                ParsedResponseOutputMessage.model_construct(
                    _fields_set=set(item.model_fields_set), **{**dict(item), "content": content}
                )
            )
        elif kind == "function_call":
            arguments = _tool_arguments(input_tools, item.name, item.namespace, item.arguments)  # type: ignore[union-attr,arg-type]
            output.append(
                ParsedResponseFunctionToolCall.model_construct(
                    _fields_set={*item.model_fields_set, "parsed_arguments"}, **dict(item), parsed_arguments=arguments
                )
            )
        else:
            output.append(item)
    parsed: ParsedResponse[Any] = ParsedResponse.model_construct(
        _fields_set=set(response.model_fields_set), **{**dict(response), "output": output}
    )
    request_id = getattr(response, "_request_id", None)
    if request_id is not None:
        object.__setattr__(parsed, "_request_id", request_id)
    return parsed
