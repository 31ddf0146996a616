"""API types mirroring `openai.types.responses.mcp_tool_call_error`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel

__all__ = ["HTTPError", "McpProtocolError", "McpToolCallError", "McpToolExecutionError"]


class McpProtocolError(BaseModel):
    code: int
    message: str
    type: Literal["mcp_protocol_error"]


class McpToolExecutionError(BaseModel):
    content: object
    type: Literal["mcp_tool_execution_error"]


class HTTPError(BaseModel):
    code: int
    message: str
    type: Literal["http_error"]


McpToolCallError: TypeAlias = Annotated[
    McpProtocolError | McpToolExecutionError | HTTPError, Field(discriminator="type")
]
