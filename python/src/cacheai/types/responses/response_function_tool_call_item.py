"""API types mirroring `openai.types.responses.response_function_tool_call_item`."""

from typing import Literal

from .response_function_tool_call import ResponseFunctionToolCall

__all__ = ["ResponseFunctionToolCallItem"]


class ResponseFunctionToolCallItem(ResponseFunctionToolCall):
    id: str
    status: Literal["in_progress", "completed", "incomplete"]
    created_by: str | None = None
