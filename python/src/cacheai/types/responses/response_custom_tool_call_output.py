"""API types mirroring `openai.types.responses.response_custom_tool_call_output`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .response_input_file import ResponseInputFile
from .response_input_image import ResponseInputImage
from .response_input_text import ResponseInputText

__all__ = ["Caller", "CallerDirect", "CallerProgram", "OutputOutputContentList", "ResponseCustomToolCallOutput"]


OutputOutputContentList: TypeAlias = Annotated[
    ResponseInputText | ResponseInputImage | ResponseInputFile, Field(discriminator="type")
]


class CallerDirect(BaseModel):
    type: Literal["direct"]


class CallerProgram(BaseModel):
    caller_id: str
    type: Literal["program"]


Caller: TypeAlias = CallerDirect | CallerProgram | None


class ResponseCustomToolCallOutput(BaseModel):
    call_id: str
    output: str | list[OutputOutputContentList]
    type: Literal["custom_tool_call_output"]
    id: str | None = None
    caller: Caller | None | None = None
