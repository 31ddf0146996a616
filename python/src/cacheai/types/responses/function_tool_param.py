"""API types mirroring `openai.types.responses.function_tool_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["FunctionToolParam"]


# Keys that are Python keywords need the functional syntax.
_FunctionToolParamKeywords = TypedDict("_FunctionToolParamKeywords", {"async": bool}, total=False)


class FunctionToolParam(_FunctionToolParamKeywords, total=False):
    name: Required[str]
    parameters: Required[dict[str, object] | None]
    strict: Required[bool | None]
    type: Required[Literal["function"]]
    allowed_callers: list[Literal["direct", "programmatic"]] | None
    defer_loading: bool
    description: str | None
    output_schema: dict[str, object] | None
