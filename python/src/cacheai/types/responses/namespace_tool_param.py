"""API types mirroring `openai.types.responses.namespace_tool_param`."""

from collections.abc import Iterable
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from .custom_tool_param import CustomToolParam

__all__ = ["NamespaceToolParam", "Tool", "ToolFunction"]


# Keys that are Python keywords need the functional syntax.
_ToolFunctionKeywords = TypedDict("_ToolFunctionKeywords", {"async": bool}, total=False)


class ToolFunction(_ToolFunctionKeywords, total=False):
    name: Required[str]
    type: Required[Literal["function"]]
    allowed_callers: list[Literal["direct", "programmatic"]] | None
    defer_loading: bool
    description: str | None
    output_schema: dict[str, object] | None
    parameters: object | None
    strict: bool | None


Tool: TypeAlias = ToolFunction | CustomToolParam


class NamespaceToolParam(TypedDict, total=False):
    description: Required[str]
    name: Required[str]
    tools: Required[Iterable[Tool]]
    type: Required[Literal["namespace"]]
