"""API types mirroring `openai.types.responses.response_mcp_call_arguments_delta_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseMcpCallArgumentsDeltaEvent"]


class ResponseMcpCallArgumentsDeltaEvent(BaseModel):
    delta: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.mcp_call_arguments.delta"]
