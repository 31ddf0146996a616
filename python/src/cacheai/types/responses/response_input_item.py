"""API types mirroring `openai.types.responses.response_input_item`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .container_reference import ContainerReference
from .easy_input_message import EasyInputMessage
from .local_environment import LocalEnvironment
from .mcp_tool_call_error import McpToolCallError
from .response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall
from .response_compaction_item_param import ResponseCompactionItemParam
from .response_computer_tool_call import ResponseComputerToolCall
from .response_computer_tool_call_output_screenshot import ResponseComputerToolCallOutputScreenshot
from .response_configuration_update_item_param import ResponseConfigurationUpdateItemParam
from .response_custom_tool_call import ResponseCustomToolCall
from .response_custom_tool_call_output import OutputOutputContentList, ResponseCustomToolCallOutput
from .response_file_search_tool_call import ResponseFileSearchToolCall
from .response_function_shell_call_output_content import ResponseFunctionShellCallOutputContent
from .response_function_tool_call import ResponseFunctionToolCall
from .response_function_web_search import ResponseFunctionWebSearch
from .response_input_file_content import ResponseInputFileContent
from .response_input_image_content import ResponseInputImageContent
from .response_input_text_content import ResponseInputTextContent
from .response_output_message import ResponseOutputMessage
from .response_reasoning_item import ResponseReasoningItem
from .response_tool_search_output_item_param import ResponseToolSearchOutputItemParam
from .tool import Tool

__all__ = [
    "AdditionalTools",
    "ApplyPatchCall",
    "ApplyPatchCallCaller",
    "ApplyPatchCallCallerDirect",
    "ApplyPatchCallCallerProgram",
    "ApplyPatchCallOperation",
    "ApplyPatchCallOperationCreateFile",
    "ApplyPatchCallOperationDeleteFile",
    "ApplyPatchCallOperationUpdateFile",
    "ApplyPatchCallOutput",
    "ApplyPatchCallOutputCaller",
    "ApplyPatchCallOutputCallerDirect",
    "ApplyPatchCallOutputCallerProgram",
    "CompactionTrigger",
    "ComputerCallOutput",
    "ComputerCallOutputAcknowledgedSafetyCheck",
    "FunctionCallOutput",
    "FunctionCallOutputCaller",
    "FunctionCallOutputCallerDirect",
    "FunctionCallOutputCallerProgram",
    "ImageGenerationCall",
    "ImageGenerationCallError",
    "ImageGenerationCallErrorModerationDetails",
    "ImageGenerationCallSvgUsage",
    "ItemReference",
    "LocalShellCall",
    "LocalShellCallAction",
    "LocalShellCallOutput",
    "McpApprovalRequest",
    "McpApprovalResponse",
    "McpCall",
    "McpListTools",
    "McpListToolsTool",
    "Message",
    "Program",
    "ProgramOutput",
    "ResponseInputItem",
    "ShellCall",
    "ShellCallAction",
    "ShellCallCaller",
    "ShellCallCallerDirect",
    "ShellCallCallerProgram",
    "ShellCallEnvironment",
    "ShellCallOutput",
    "ShellCallOutputCaller",
    "ShellCallOutputCallerDirect",
    "ShellCallOutputCallerProgram",
    "ToolSearchCall",
]


class Message(BaseModel):
    content: list[OutputOutputContentList]
    role: Literal["user", "system", "developer"]
    status: Literal["in_progress", "completed", "incomplete"] | None = None
    type: Literal["message"] | None = None


class ComputerCallOutputAcknowledgedSafetyCheck(BaseModel):
    id: str
    code: str | None = None
    message: str | None = None


class ComputerCallOutput(BaseModel):
    call_id: str
    output: ResponseComputerToolCallOutputScreenshot
    type: Literal["computer_call_output"]
    id: str | None = None
    acknowledged_safety_checks: list[ComputerCallOutputAcknowledgedSafetyCheck] | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class FunctionCallOutputCallerDirect(BaseModel):
    type: Literal["direct"]


class FunctionCallOutputCallerProgram(BaseModel):
    caller_id: str
    type: Literal["program"]


FunctionCallOutputCaller: TypeAlias = FunctionCallOutputCallerDirect | FunctionCallOutputCallerProgram | None


class FunctionCallOutput(BaseModel):
    output: (
        str
        | list[
            Annotated[
                ResponseInputTextContent | ResponseInputImageContent | ResponseInputFileContent,
                Field(discriminator="type"),
            ]
        ]
    )
    type: Literal["function_call_output"]
    id: str | None = None
    call_id: str | None = None
    caller: FunctionCallOutputCaller | None | None = None
    name: str | None = None
    namespace: str | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class ToolSearchCall(BaseModel):
    arguments: object
    type: Literal["tool_search_call"]
    id: str | None = None
    call_id: str | None = None
    execution: Literal["server", "client"] | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class AdditionalTools(BaseModel):
    role: Literal["developer"]
    tools: list[Tool]
    type: Literal["additional_tools"]
    id: str | None = None


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


class ShellCallAction(BaseModel):
    commands: list[str]
    max_output_length: int | None = None
    timeout_ms: int | None = None


class ShellCallCallerDirect(BaseModel):
    type: Literal["direct"]


class ShellCallCallerProgram(BaseModel):
    caller_id: str
    type: Literal["program"]


ShellCallCaller: TypeAlias = ShellCallCallerDirect | ShellCallCallerProgram | None


ShellCallEnvironment: TypeAlias = LocalEnvironment | ContainerReference | None


class ShellCall(BaseModel):
    action: ShellCallAction
    call_id: str
    type: Literal["shell_call"]
    id: str | None = None
    caller: ShellCallCaller | None | None = None
    environment: ShellCallEnvironment | None | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class ShellCallOutputCallerDirect(BaseModel):
    type: Literal["direct"]


class ShellCallOutputCallerProgram(BaseModel):
    caller_id: str
    type: Literal["program"]


ShellCallOutputCaller: TypeAlias = ShellCallOutputCallerDirect | ShellCallOutputCallerProgram | None


class ShellCallOutput(BaseModel):
    call_id: str
    output: list[ResponseFunctionShellCallOutputContent]
    type: Literal["shell_call_output"]
    id: str | None = None
    caller: ShellCallOutputCaller | None | None = None
    max_output_length: int | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class ApplyPatchCallOperationCreateFile(BaseModel):
    diff: str
    path: str
    type: Literal["create_file"]


class ApplyPatchCallOperationDeleteFile(BaseModel):
    path: str
    type: Literal["delete_file"]


class ApplyPatchCallOperationUpdateFile(BaseModel):
    diff: str
    path: str
    type: Literal["update_file"]


ApplyPatchCallOperation: TypeAlias = Annotated[
    ApplyPatchCallOperationCreateFile | ApplyPatchCallOperationDeleteFile | ApplyPatchCallOperationUpdateFile,
    Field(discriminator="type"),
]


class ApplyPatchCallCallerDirect(BaseModel):
    type: Literal["direct"]


class ApplyPatchCallCallerProgram(BaseModel):
    caller_id: str
    type: Literal["program"]


ApplyPatchCallCaller: TypeAlias = ApplyPatchCallCallerDirect | ApplyPatchCallCallerProgram | None


class ApplyPatchCall(BaseModel):
    call_id: str
    operation: ApplyPatchCallOperation
    status: Literal["in_progress", "completed"]
    type: Literal["apply_patch_call"]
    id: str | None = None
    caller: ApplyPatchCallCaller | None | None = None


class ApplyPatchCallOutputCallerDirect(BaseModel):
    type: Literal["direct"]


class ApplyPatchCallOutputCallerProgram(BaseModel):
    caller_id: str
    type: Literal["program"]


ApplyPatchCallOutputCaller: TypeAlias = ApplyPatchCallOutputCallerDirect | ApplyPatchCallOutputCallerProgram | None


class ApplyPatchCallOutput(BaseModel):
    call_id: str
    status: Literal["completed", "failed"]
    type: Literal["apply_patch_call_output"]
    id: str | None = None
    caller: ApplyPatchCallOutputCaller | None | None = None
    output: str | None = None


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
    approval_request_id: str
    approve: bool
    type: Literal["mcp_approval_response"]
    id: str | None = None
    reason: str | None = None


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


class CompactionTrigger(BaseModel):
    type: Literal["compaction_trigger"]
    id: str | None = None


class ItemReference(BaseModel):
    id: str
    type: Literal["item_reference"] | None = None


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


ResponseInputItem: TypeAlias = (
    EasyInputMessage
    | Message
    | ResponseOutputMessage
    | ResponseFileSearchToolCall
    | ResponseComputerToolCall
    | ComputerCallOutput
    | ResponseFunctionWebSearch
    | ResponseFunctionToolCall
    | FunctionCallOutput
    | ToolSearchCall
    | ResponseToolSearchOutputItemParam
    | AdditionalTools
    | ResponseConfigurationUpdateItemParam
    | ResponseReasoningItem
    | ResponseCompactionItemParam
    | ImageGenerationCall
    | ResponseCodeInterpreterToolCall
    | LocalShellCall
    | LocalShellCallOutput
    | ShellCall
    | ShellCallOutput
    | ApplyPatchCall
    | ApplyPatchCallOutput
    | McpListTools
    | McpApprovalRequest
    | McpApprovalResponse
    | McpCall
    | ResponseCustomToolCallOutput
    | ResponseCustomToolCall
    | CompactionTrigger
    | ItemReference
    | Program
    | ProgramOutput
)
