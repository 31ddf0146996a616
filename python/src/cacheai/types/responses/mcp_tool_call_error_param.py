"""API types mirroring `openai.types.responses.mcp_tool_call_error_param`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

__all__ = ["HTTPError", "McpProtocolError", "McpToolCallErrorParam", "McpToolExecutionError"]


class McpProtocolError(TypedDict, total=False):
    code: Required[int]
    message: Required[str]
    type: Required[Literal["mcp_protocol_error"]]


class McpToolExecutionError(TypedDict, total=False):
    content: Required[object]
    type: Required[Literal["mcp_tool_execution_error"]]


class HTTPError(TypedDict, total=False):
    code: Required[int]
    message: Required[str]
    type: Required[Literal["http_error"]]


McpToolCallErrorParam: TypeAlias = McpProtocolError | McpToolExecutionError | HTTPError
