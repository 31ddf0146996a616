"""API types mirroring `openai.types.responses.response_function_tool_call_output_item`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .response_input_file import ResponseInputFile
from .response_input_image import ResponseInputImage
from .response_input_text import ResponseInputText

__all__ = ["Caller", "CallerDirect", "CallerProgram", "OutputOutputContentList", "ResponseFunctionToolCallOutputItem"]


OutputOutputContentList: TypeAlias = Annotated[
    ResponseInputText | ResponseInputImage | ResponseInputFile, Field(discriminator="type")
]


class CallerDirect(BaseModel):
    type: Literal["direct"]


class CallerProgram(BaseModel):
    caller_id: str
    type: Literal["program"]


Caller: TypeAlias = CallerDirect | CallerProgram | None


class ResponseFunctionToolCallOutputItem(BaseModel):
    id: str
    output: str | list[OutputOutputContentList]
    status: Literal["in_progress", "completed", "incomplete"]
    type: Literal["function_call_output"]
    call_id: str | None = None
    caller: Caller | None | None = None
    created_by: str | None = None
    name: str | None = None
    namespace: str | None = None
