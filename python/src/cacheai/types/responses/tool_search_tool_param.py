"""API types mirroring `openai.types.responses.tool_search_tool_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ToolSearchToolParam"]


class ToolSearchToolParam(TypedDict, total=False):
    type: Required[Literal["tool_search"]]
    description: str | None
    execution: Literal["server", "client"]
    parameters: object | None
