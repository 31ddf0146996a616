"""API types mirroring `openai.types.responses.response_output_item`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .mcp_tool_call_error import McpToolCallError
from .response_apply_patch_tool_call import ResponseApplyPatchToolCall
from .response_apply_patch_tool_call_output import ResponseApplyPatchToolCallOutput
from .response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall
from .response_compaction_item import ResponseCompactionItem
from .response_computer_tool_call import ResponseComputerToolCall
from .response_computer_tool_call_output_item import ResponseComputerToolCallOutputItem
from .response_custom_tool_call import ResponseCustomToolCall
from .response_custom_tool_call_output_item import ResponseCustomToolCallOutputItem
from .response_file_search_tool_call import ResponseFileSearchToolCall
from .response_function_shell_tool_call import ResponseFunctionShellToolCall
from .response_function_shell_tool_call_output import ResponseFunctionShellToolCallOutput
from .response_function_tool_call import ResponseFunctionToolCall
from .response_function_tool_call_output_item import ResponseFunctionToolCallOutputItem
from .response_function_web_search import ResponseFunctionWebSearch
from .response_output_message import ResponseOutputMessage
from .response_reasoning_item import ResponseReasoningItem
from .response_tool_search_call import ResponseToolSearchCall
from .response_tool_search_output_item import ResponseToolSearchOutputItem
from .tool import Tool

__all__ = [
    "AdditionalTools",
    "ImageGenerationCall",
    "ImageGenerationCallError",
    "ImageGenerationCallErrorModerationDetails",
    "ImageGenerationCallSvgUsage",
    "LocalShellCall",
    "LocalShellCallAction",
    "LocalShellCallOutput",
    "McpApprovalRequest",
    "McpApprovalResponse",
    "McpCall",
    "McpListTools",
    "McpListToolsTool",
    "Program",
    "ProgramOutput",
    "ResponseOutputItem",
]


class Program(BaseModel):
    id: str
    call_id: str
    code: str
    fingerprint: str
    type: Literal["program"]


class ProgramOutput(BaseModel):
    id: str
    call_id: str
    result: str
    status: Literal["completed", "incomplete"]
    type: Literal["program_output"]


class AdditionalTools(BaseModel):
    id: str
    role: Literal["unknown", "user", "assistant", "system", "critic", "discriminator", "developer", "tool"]
    tools: list[Tool]
    type: Literal["additional_tools"]


class ImageGenerationCallErrorModerationDetails(BaseModel):
    categories: list[str]
    moderation_stage: Literal["input", "output", "unknown"]


class ImageGenerationCallError(BaseModel):
    code: str | None = None
    message: str
    param: str | None = None
    type: str
    moderation_details: ImageGenerationCallErrorModerationDetails | None = None


class ImageGenerationCallSvgUsage(BaseModel):
    input_tokens: int
    model: str
    output_tokens: int
    reasoning_tokens: int
    total_tokens: int


class ImageGenerationCall(BaseModel):
    id: str
    result: str | None = None
    status: Literal["in_progress", "completed", "generating", "failed"]
    type: Literal["image_generation_call"]
    action: Literal["generate", "edit", "auto"] | None = None
    background: Literal["transparent", "opaque", "auto"] | None = None
    error: ImageGenerationCallError | None = None
    output_format: Literal["png", "webp", "jpeg", "gif", "svg"] | None = None
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto"] | None = None
    revised_prompt: str | None = None
    size: str | Literal["1024x1024", "1024x1536", "1536x1024"] | None = None
    svg_usage: ImageGenerationCallSvgUsage | None = None


class LocalShellCallAction(BaseModel):
    command: list[str]
    env: dict[str, str]
    type: Literal["exec"]
    timeout_ms: int | None = None
    user: str | None = None
    working_directory: str | None = None


class LocalShellCall(BaseModel):
    id: str
    action: LocalShellCallAction
    call_id: str
    status: Literal["in_progress", "completed", "incomplete"]
    type: Literal["local_shell_call"]


class LocalShellCallOutput(BaseModel):
    id: str
    output: str
    type: Literal["local_shell_call_output"]
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class McpCall(BaseModel):
    id: str
    arguments: str
    name: str
    server_label: str
    type: Literal["mcp_call"]
    approval_request_id: str | None = None
    error: McpToolCallError | None = None
    output: str | None = None
    status: Literal["in_progress", "completed", "incomplete", "calling", "failed"] | None = None


class McpListToolsTool(BaseModel):
    input_schema: object
    name: str
    annotations: object | None = None
    description: str | None = None


class McpListTools(BaseModel):
    id: str
    server_label: str
    tools: list[McpListToolsTool]
    type: Literal["mcp_list_tools"]
    error: str | None = None


class McpApprovalRequest(BaseModel):
    id: str
    arguments: str
    name: str
    server_label: str
    type: Literal["mcp_approval_request"]


class McpApprovalResponse(BaseModel):
    id: str
    approval_request_id: str
    approve: bool
    type: Literal["mcp_approval_response"]
    reason: str | None = None


ResponseOutputItem: TypeAlias = Annotated[
    ResponseOutputMessage
    | ResponseFileSearchToolCall
    | ResponseFunctionToolCall
    | ResponseFunctionToolCallOutputItem
    | ResponseFunctionWebSearch
    | ResponseComputerToolCall
    | ResponseComputerToolCallOutputItem
    | ResponseReasoningItem
    | Program
    | ProgramOutput
    | ResponseToolSearchCall
    | ResponseToolSearchOutputItem
    | AdditionalTools
    | ResponseCompactionItem
    | ImageGenerationCall
    | ResponseCodeInterpreterToolCall
    | LocalShellCall
    | LocalShellCallOutput
    | ResponseFunctionShellToolCall
    | ResponseFunctionShellToolCallOutput
    | ResponseApplyPatchToolCall
    | ResponseApplyPatchToolCallOutput
    | McpCall
    | McpListTools
    | McpApprovalRequest
    | McpApprovalResponse
    | ResponseCustomToolCall
    | ResponseCustomToolCallOutputItem,
    Field(discriminator="type"),
]
