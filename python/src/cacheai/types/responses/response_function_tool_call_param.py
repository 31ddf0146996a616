"""API types mirroring `openai.types.responses.response_function_tool_call_param`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

__all__ = ["Caller", "CallerDirect", "CallerProgram", "ResponseFunctionToolCallParam"]


class CallerDirect(TypedDict, total=False):
    type: Required[Literal["direct"]]


class CallerProgram(TypedDict, total=False):
    caller_id: Required[str]
    type: Required[Literal["program"]]


Caller: TypeAlias = CallerDirect | CallerProgram


# Keys that are Python keywords need the functional syntax.
_ResponseFunctionToolCallParamKeywords = TypedDict(
    "_ResponseFunctionToolCallParamKeywords", {"async": bool}, total=False
)


class ResponseFunctionToolCallParam(_ResponseFunctionToolCallParamKeywords, total=False):
    arguments: Required[str]
    call_id: Required[str]
    name: Required[str]
    type: Required[Literal["function_call"]]
    id: str
    caller: Caller | None
    namespace: str
    status: Literal["in_progress", "completed", "incomplete"]
