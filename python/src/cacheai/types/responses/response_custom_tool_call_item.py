"""API types mirroring `openai.types.responses.response_custom_tool_call_item`."""

from typing import Literal

from .response_custom_tool_call import ResponseCustomToolCall

__all__ = ["ResponseCustomToolCallItem"]


class ResponseCustomToolCallItem(ResponseCustomToolCall):
    id: str
    status: Literal["in_progress", "completed", "incomplete"]
    created_by: str | None = None
