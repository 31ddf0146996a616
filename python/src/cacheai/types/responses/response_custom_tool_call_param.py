"""API types mirroring `openai.types.responses.response_custom_tool_call_param`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

__all__ = ["Caller", "CallerDirect", "CallerProgram", "ResponseCustomToolCallParam"]


class CallerDirect(TypedDict, total=False):
    type: Required[Literal["direct"]]


class CallerProgram(TypedDict, total=False):
    caller_id: Required[str]
    type: Required[Literal["program"]]


Caller: TypeAlias = CallerDirect | CallerProgram


# Keys that are Python keywords need the functional syntax.
_ResponseCustomToolCallParamKeywords = TypedDict("_ResponseCustomToolCallParamKeywords", {"async": bool}, total=False)


class ResponseCustomToolCallParam(_ResponseCustomToolCallParamKeywords, total=False):
    call_id: Required[str]
    input: Required[str]
    name: Required[str]
    type: Required[Literal["custom_tool_call"]]
    id: str
    caller: Caller | None
    namespace: str
