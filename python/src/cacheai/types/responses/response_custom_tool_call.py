"""API types mirroring `openai.types.responses.response_custom_tool_call`."""

from typing import Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel

__all__ = ["Caller", "CallerDirect", "CallerProgram", "ResponseCustomToolCall"]


class CallerDirect(BaseModel):
    type: Literal["direct"]


class CallerProgram(BaseModel):
    caller_id: str
    type: Literal["program"]


Caller: TypeAlias = CallerDirect | CallerProgram | None


class ResponseCustomToolCall(BaseModel):
    call_id: str
    input: str
    name: str
    type: Literal["custom_tool_call"]
    id: str | None = None
    async_: bool | None = Field(default=None, alias="async")
    caller: Caller | None | None = None
    namespace: str | None = None
