"""API types mirroring `openai.types.responses.response_code_interpreter_tool_call`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel

__all__ = ["Output", "OutputImage", "OutputLogs", "ResponseCodeInterpreterToolCall"]


class OutputLogs(BaseModel):
    logs: str
    type: Literal["logs"]


class OutputImage(BaseModel):
    type: Literal["image"]
    url: str


Output: TypeAlias = Annotated[OutputLogs | OutputImage, Field(discriminator="type")]


class ResponseCodeInterpreterToolCall(BaseModel):
    id: str
    code: str | None = None
    container_id: str
    outputs: list[Output] | None = None
    status: Literal["in_progress", "completed", "incomplete", "interpreting", "failed"]
    type: Literal["code_interpreter_call"]
