"""API types mirroring `openai.types.chat.chat_completion_function_tool_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

from ..shared_params.function_definition import FunctionDefinition

__all__ = ["ChatCompletionFunctionToolParam"]


class ChatCompletionFunctionToolParam(TypedDict, total=False):
    function: Required[FunctionDefinition]
    type: Required[Literal["function"]]
