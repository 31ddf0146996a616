"""API types mirroring `openai.types.responses.tool_choice_function_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ToolChoiceFunctionParam"]


class ToolChoiceFunctionParam(TypedDict, total=False):
    name: Required[str]
    type: Required[Literal["function"]]
