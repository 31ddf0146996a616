"""``pydantic_function_tool`` (chat) and ``pydantic_responses_function_tool`` (Responses API): strict function
tools whose calls' arguments come back parsed into the model."""

from __future__ import annotations

from typing import Any, cast

import pydantic

from .._types import Omit, is_given, omit
from ..types.chat import ChatCompletionFunctionToolParam
from ..types.responses import FunctionToolParam
from ._pydantic import to_strict_json_schema

__all__ = ["PydanticFunctionTool", "pydantic_function_tool", "pydantic_responses_function_tool"]


class PydanticFunctionTool(dict[str, Any]):
    """A function definition, or a Responses API function tool (a plain dict on the wire), that remembers the model
    its arguments parse into."""

    model: type[pydantic.BaseModel]

    def __init__(self, definition: dict[str, Any], model: type[pydantic.BaseModel]) -> None:
        super().__init__(definition)
        self.model = model


def pydantic_function_tool(
    model: type[pydantic.BaseModel],
    *,
    name: str | None = None,
    description: str | None = None,
) -> ChatCompletionFunctionToolParam:
    """A strict function tool for ``model``: named after the class, described by its docstring."""
    if description is None:
        description = model.__doc__
    function = PydanticFunctionTool(
        {"name": name or model.__name__, "strict": True, "parameters": to_strict_json_schema(model)}, model
    )
    if description is not None:
        function["description"] = description
    return cast(ChatCompletionFunctionToolParam, {"type": "function", "function": function})


def pydantic_responses_function_tool(
    model: type[pydantic.BaseModel],
    *,
    name: str | None = None,
    description: str | None = None,
    defer_loading: bool | Omit = omit,
) -> FunctionToolParam:
    """A strict Responses API function tool for ``model`` (the flat shape ``responses.create`` takes): with
    ``responses.parse``/``stream``, its calls' ``parsed_arguments`` are the model. ``defer_loading``: with a
    tool-search tool, the function is loaded only when the model looks for it."""
    function = pydantic_function_tool(model, name=name, description=description)["function"]
    tool = PydanticFunctionTool({"type": "function", **function}, model)
    if is_given(defer_loading):
        tool["defer_loading"] = defer_loading
    return cast(FunctionToolParam, tool)
