"""The Responses API with structured outputs: ``text_format`` on the wire, ``output_parsed`` back."""

from __future__ import annotations

import json
from typing import Any

from ...types.responses import (
    ParsedResponse,
    ParsedResponseFunctionToolCall,
    ParsedResponseOutputMessage,
    ParsedResponseOutputText,
    Response,
)
from ._completions import _given, parse_content, type_to_response_format_param

__all__ = ["parse_response", "text_with_format"]


def text_with_format(text: Any, text_format: Any) -> Any:
    """The ``text`` parameter with ``format`` set to ``text_format``'s strict JSON schema."""
    if not _given(text_format):
        return text
    text = dict(text) if _given(text) and text else {}
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


def _tool_arguments(tools: list[Any], name: str, arguments: str) -> object:
    from .._tools import PydanticFunctionTool

    tool = next((t for t in tools if t.get("type") == "function" and t.get("name") == name), None)
    if tool is None:
        return None
    if isinstance(tool, PydanticFunctionTool):
        return tool.model.model_validate_json(arguments)
    return json.loads(arguments) if tool.get("strict") else None


def parse_response(response: Response, text_format: Any, tools: Any) -> ParsedResponse[Any]:
    """``response`` with each ``output_text`` parsed into ``text_format`` and function calls' ``parsed_arguments``."""
    input_tools = list(tools) if _given(tools) and tools else []
    output: list[Any] = []
    for item in response.output:
        kind = getattr(item, "type", None)
        if kind == "message":
            phase = getattr(item, "phase", None)
            content = [
                ParsedResponseOutputText[Any].model_construct(
                    _fields_set={*part.model_fields_set, "parsed"},
                    **dict(part),
                    parsed=parse_content(text_format, part.text)  # type: ignore[union-attr]
                    if _given(text_format) and phase in (None, "final_answer")
                    else None,
                )
                if part.type == "output_text"
                else part
                for part in item.content  # type: ignore[union-attr]
            ]
            output.append(
                ParsedResponseOutputMessage[Any].model_construct(
                    _fields_set=set(item.model_fields_set), **{**dict(item), "content": content}
                )
            )
        elif kind == "function_call":
            arguments = _tool_arguments(input_tools, item.name, item.arguments)  # type: ignore[union-attr,arg-type]
            output.append(
                ParsedResponseFunctionToolCall.model_construct(
                    _fields_set={*item.model_fields_set, "parsed_arguments"}, **dict(item), parsed_arguments=arguments
                )
            )
        else:
            output.append(item)
    parsed = ParsedResponse[Any].model_construct(
        _fields_set=set(response.model_fields_set), **{**dict(response), "output": output}
    )
    request_id = getattr(response, "_request_id", None)
    if request_id is not None:
        object.__setattr__(parsed, "_request_id", request_id)
    return parsed
