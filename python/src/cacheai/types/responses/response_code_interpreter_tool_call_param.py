"""API types mirroring `openai.types.responses.response_code_interpreter_tool_call_param`."""

from collections.abc import Iterable
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

__all__ = ["Output", "OutputImage", "OutputLogs", "ResponseCodeInterpreterToolCallParam"]


class OutputLogs(TypedDict, total=False):
    logs: Required[str]
    type: Required[Literal["logs"]]


class OutputImage(TypedDict, total=False):
    type: Required[Literal["image"]]
    url: Required[str]


Output: TypeAlias = OutputLogs | OutputImage


class ResponseCodeInterpreterToolCallParam(TypedDict, total=False):
    id: Required[str]
    code: Required[str | None]
    container_id: Required[str]
    outputs: Required[Iterable[Output] | None]
    status: Required[Literal["in_progress", "completed", "incomplete", "interpreting", "failed"]]
    type: Required[Literal["code_interpreter_call"]]
