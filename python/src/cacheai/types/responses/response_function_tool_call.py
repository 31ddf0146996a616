"""API types mirroring `openai.types.responses.response_function_tool_call`."""

from typing import Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel

__all__ = ["Caller", "CallerDirect", "CallerProgram", "ResponseFunctionToolCall"]


class CallerDirect(BaseModel):
    type: Literal["direct"]


class CallerProgram(BaseModel):
    caller_id: str
    type: Literal["program"]


Caller: TypeAlias = CallerDirect | CallerProgram | None


class ResponseFunctionToolCall(BaseModel):
    arguments: str
    call_id: str
    name: str
    type: Literal["function_call"]
    id: str | None = None
    async_: bool | None = Field(default=None, alias="async")
    caller: Caller | None | None = None
    namespace: str | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None
