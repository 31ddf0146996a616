"""API types mirroring `openai.types.responses.response_mcp_call_in_progress_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseMcpCallInProgressEvent"]


class ResponseMcpCallInProgressEvent(BaseModel):
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.mcp_call.in_progress"]
