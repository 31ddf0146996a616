"""API types mirroring `openai.types.responses.response_mcp_list_tools_in_progress_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseMcpListToolsInProgressEvent"]


class ResponseMcpListToolsInProgressEvent(BaseModel):
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.mcp_list_tools.in_progress"]
