"""``pydantic_function_tool``: a strict function tool whose arguments come back as the model."""

from __future__ import annotations

from typing import Any, cast

import pydantic

from ..types.chat import ChatCompletionFunctionToolParam
from ._pydantic import to_strict_json_schema

__all__ = ["PydanticFunctionTool", "pydantic_function_tool"]


class PydanticFunctionTool(dict[str, Any]):
    """A function definition (a plain dict on the wire) that remembers the model its arguments parse into."""

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
