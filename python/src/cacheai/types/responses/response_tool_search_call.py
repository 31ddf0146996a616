"""API types mirroring `openai.types.responses.response_tool_search_call`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseToolSearchCall"]


class ResponseToolSearchCall(BaseModel):
    id: str
    arguments: object
    call_id: str | None = None
    execution: Literal["server", "client"]
    status: Literal["in_progress", "completed", "incomplete"]
    type: Literal["tool_search_call"]
    created_by: str | None = None
