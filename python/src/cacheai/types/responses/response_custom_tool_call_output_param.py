"""API types mirroring `openai.types.responses.response_custom_tool_call_output_param`."""

from collections.abc import Iterable
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from .response_input_file_param import ResponseInputFileParam
from .response_input_image_param import ResponseInputImageParam
from .response_input_text_param import ResponseInputTextParam

__all__ = ["Caller", "CallerDirect", "CallerProgram", "OutputOutputContentList", "ResponseCustomToolCallOutputParam"]


OutputOutputContentList: TypeAlias = ResponseInputTextParam | ResponseInputImageParam | ResponseInputFileParam


class CallerDirect(TypedDict, total=False):
    type: Required[Literal["direct"]]


class CallerProgram(TypedDict, total=False):
    caller_id: Required[str]
    type: Required[Literal["program"]]


Caller: TypeAlias = CallerDirect | CallerProgram


class ResponseCustomToolCallOutputParam(TypedDict, total=False):
    call_id: Required[str]
    output: Required[str | Iterable[OutputOutputContentList]]
    type: Required[Literal["custom_tool_call_output"]]
    id: str
    caller: Caller | None
