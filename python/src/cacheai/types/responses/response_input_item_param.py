"""API types mirroring `openai.types.responses.response_input_item_param`."""

from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from .container_reference_param import ContainerReferenceParam
from .easy_input_message_param import EasyInputMessageParam
from .local_environment_param import LocalEnvironmentParam
from .mcp_tool_call_error_param import McpToolCallErrorParam
from .response_code_interpreter_tool_call_param import ResponseCodeInterpreterToolCallParam
from .response_compaction_item_param_param import ResponseCompactionItemParamParam
from .response_computer_tool_call_output_screenshot_param import ResponseComputerToolCallOutputScreenshotParam
from .response_computer_tool_call_param import ResponseComputerToolCallParam
from .response_configuration_update_item_param_param import ResponseConfigurationUpdateItemParamParam
from .response_custom_tool_call_output_param import OutputOutputContentList, ResponseCustomToolCallOutputParam
from .response_custom_tool_call_param import ResponseCustomToolCallParam
from .response_file_search_tool_call_param import ResponseFileSearchToolCallParam
from .response_function_shell_call_output_content_param import ResponseFunctionShellCallOutputContentParam
from .response_function_tool_call_param import ResponseFunctionToolCallParam
from .response_function_web_search_param import ResponseFunctionWebSearchParam
from .response_input_file_content_param import ResponseInputFileContentParam
from .response_input_image_content_param import ResponseInputImageContentParam
from .response_input_text_content_param import ResponseInputTextContentParam
from .response_output_message_param import ResponseOutputMessageParam
from .response_reasoning_item_param import ResponseReasoningItemParam
from .response_tool_search_output_item_param_param import ResponseToolSearchOutputItemParamParam
from .tool_param import ToolParam

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
    "ResponseInputItemParam",
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


class Message(TypedDict, total=False):
    content: Required[list[OutputOutputContentList]]
    role: Required[Literal["user", "system", "developer"]]
    status: Literal["in_progress", "completed", "incomplete"]
    type: Literal["message"]


class ComputerCallOutputAcknowledgedSafetyCheck(TypedDict, total=False):
    id: Required[str]
    code: str | None
    message: str | None


class ComputerCallOutput(TypedDict, total=False):
    call_id: Required[str]
    output: Required[ResponseComputerToolCallOutputScreenshotParam]
    type: Required[Literal["computer_call_output"]]
    id: str | None
    acknowledged_safety_checks: Iterable[ComputerCallOutputAcknowledgedSafetyCheck] | None
    status: Literal["in_progress", "completed", "incomplete"] | None


class FunctionCallOutputCallerDirect(TypedDict, total=False):
    type: Required[Literal["direct"]]


class FunctionCallOutputCallerProgram(TypedDict, total=False):
    caller_id: Required[str]
    type: Required[Literal["program"]]


FunctionCallOutputCaller: TypeAlias = FunctionCallOutputCallerDirect | FunctionCallOutputCallerProgram


class FunctionCallOutput(TypedDict, total=False):
    output: Required[
        str | list[ResponseInputTextContentParam | ResponseInputImageContentParam | ResponseInputFileContentParam]
    ]
    type: Required[Literal["function_call_output"]]
    id: str | None
    call_id: str | None
    caller: FunctionCallOutputCaller | None
    name: str | None
    namespace: str | None
    status: Literal["in_progress", "completed", "incomplete"] | None


class ToolSearchCall(TypedDict, total=False):
    arguments: Required[object]
    type: Required[Literal["tool_search_call"]]
    id: str | None
    call_id: str | None
    execution: Literal["server", "client"]
    status: Literal["in_progress", "completed", "incomplete"] | None


class AdditionalTools(TypedDict, total=False):
    role: Required[Literal["developer"]]
    tools: Required[Iterable[ToolParam]]
    type: Required[Literal["additional_tools"]]
    id: str | None


class ImageGenerationCallErrorModerationDetails(TypedDict, total=False):
    categories: Required[Sequence[str]]
    moderation_stage: Required[Literal["input", "output", "unknown"]]


class ImageGenerationCallError(TypedDict, total=False):
    code: Required[str | None]
    message: Required[str]
    param: Required[str | None]
    type: Required[str]
    moderation_details: ImageGenerationCallErrorModerationDetails


class ImageGenerationCallSvgUsage(TypedDict, total=False):
    input_tokens: Required[int]
    model: Required[str]
    output_tokens: Required[int]
    reasoning_tokens: Required[int]
    total_tokens: Required[int]


class ImageGenerationCall(TypedDict, total=False):
    id: Required[str]
    result: Required[str | None]
    status: Required[Literal["in_progress", "completed", "generating", "failed"]]
    type: Required[Literal["image_generation_call"]]
    action: Literal["generate", "edit", "auto"] | None
    background: Literal["transparent", "opaque", "auto"] | None
    error: ImageGenerationCallError
    output_format: Literal["png", "webp", "jpeg", "gif", "svg"] | None
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto"] | None
    revised_prompt: str | None
    size: str | Literal["1024x1024", "1024x1536", "1536x1024"] | None
    svg_usage: ImageGenerationCallSvgUsage


class LocalShellCallAction(TypedDict, total=False):
    command: Required[Sequence[str]]
    env: Required[dict[str, str]]
    type: Required[Literal["exec"]]
    timeout_ms: int | None
    user: str | None
    working_directory: str | None


class LocalShellCall(TypedDict, total=False):
    id: Required[str]
    action: Required[LocalShellCallAction]
    call_id: Required[str]
    status: Required[Literal["in_progress", "completed", "incomplete"]]
    type: Required[Literal["local_shell_call"]]


class LocalShellCallOutput(TypedDict, total=False):
    id: Required[str]
    output: Required[str]
    type: Required[Literal["local_shell_call_output"]]
    status: Literal["in_progress", "completed", "incomplete"] | None


class ShellCallAction(TypedDict, total=False):
    commands: Required[Sequence[str]]
    max_output_length: int | None
    timeout_ms: int | None


class ShellCallCallerDirect(TypedDict, total=False):
    type: Required[Literal["direct"]]


class ShellCallCallerProgram(TypedDict, total=False):
    caller_id: Required[str]
    type: Required[Literal["program"]]


ShellCallCaller: TypeAlias = ShellCallCallerDirect | ShellCallCallerProgram


ShellCallEnvironment: TypeAlias = LocalEnvironmentParam | ContainerReferenceParam


class ShellCall(TypedDict, total=False):
    action: Required[ShellCallAction]
    call_id: Required[str]
    type: Required[Literal["shell_call"]]
    id: str | None
    caller: ShellCallCaller | None
    environment: ShellCallEnvironment | None
    status: Literal["in_progress", "completed", "incomplete"] | None


class ShellCallOutputCallerDirect(TypedDict, total=False):
    type: Required[Literal["direct"]]


class ShellCallOutputCallerProgram(TypedDict, total=False):
    caller_id: Required[str]
    type: Required[Literal["program"]]


ShellCallOutputCaller: TypeAlias = ShellCallOutputCallerDirect | ShellCallOutputCallerProgram


class ShellCallOutput(TypedDict, total=False):
    call_id: Required[str]
    output: Required[Iterable[ResponseFunctionShellCallOutputContentParam]]
    type: Required[Literal["shell_call_output"]]
    id: str | None
    caller: ShellCallOutputCaller | None
    max_output_length: int | None
    status: Literal["in_progress", "completed", "incomplete"] | None


class ApplyPatchCallOperationCreateFile(TypedDict, total=False):
    diff: Required[str]
    path: Required[str]
    type: Required[Literal["create_file"]]


class ApplyPatchCallOperationDeleteFile(TypedDict, total=False):
    path: Required[str]
    type: Required[Literal["delete_file"]]


class ApplyPatchCallOperationUpdateFile(TypedDict, total=False):
    diff: Required[str]
    path: Required[str]
    type: Required[Literal["update_file"]]


ApplyPatchCallOperation: TypeAlias = (
    ApplyPatchCallOperationCreateFile | ApplyPatchCallOperationDeleteFile | ApplyPatchCallOperationUpdateFile
)


class ApplyPatchCallCallerDirect(TypedDict, total=False):
    type: Required[Literal["direct"]]


class ApplyPatchCallCallerProgram(TypedDict, total=False):
    caller_id: Required[str]
    type: Required[Literal["program"]]


ApplyPatchCallCaller: TypeAlias = ApplyPatchCallCallerDirect | ApplyPatchCallCallerProgram


class ApplyPatchCall(TypedDict, total=False):
    call_id: Required[str]
    operation: Required[ApplyPatchCallOperation]
    status: Required[Literal["in_progress", "completed"]]
    type: Required[Literal["apply_patch_call"]]
    id: str | None
    caller: ApplyPatchCallCaller | None


class ApplyPatchCallOutputCallerDirect(TypedDict, total=False):
    type: Required[Literal["direct"]]


class ApplyPatchCallOutputCallerProgram(TypedDict, total=False):
    caller_id: Required[str]
    type: Required[Literal["program"]]


ApplyPatchCallOutputCaller: TypeAlias = ApplyPatchCallOutputCallerDirect | ApplyPatchCallOutputCallerProgram


class ApplyPatchCallOutput(TypedDict, total=False):
    call_id: Required[str]
    status: Required[Literal["completed", "failed"]]
    type: Required[Literal["apply_patch_call_output"]]
    id: str | None
    caller: ApplyPatchCallOutputCaller | None
    output: str | None


class McpListToolsTool(TypedDict, total=False):
    input_schema: Required[object]
    name: Required[str]
    annotations: object | None
    description: str | None


class McpListTools(TypedDict, total=False):
    id: Required[str]
    server_label: Required[str]
    tools: Required[Iterable[McpListToolsTool]]
    type: Required[Literal["mcp_list_tools"]]
    error: str | None


class McpApprovalRequest(TypedDict, total=False):
    id: Required[str]
    arguments: Required[str]
    name: Required[str]
    server_label: Required[str]
    type: Required[Literal["mcp_approval_request"]]


class McpApprovalResponse(TypedDict, total=False):
    approval_request_id: Required[str]
    approve: Required[bool]
    type: Required[Literal["mcp_approval_response"]]
    id: str | None
    reason: str | None


class McpCall(TypedDict, total=False):
    id: Required[str]
    arguments: Required[str]
    name: Required[str]
    server_label: Required[str]
    type: Required[Literal["mcp_call"]]
    approval_request_id: str | None
    error: McpToolCallErrorParam | None
    output: str | None
    status: Literal["in_progress", "completed", "incomplete", "calling", "failed"]


class CompactionTrigger(TypedDict, total=False):
    type: Required[Literal["compaction_trigger"]]
    id: str | None


class ItemReference(TypedDict, total=False):
    id: Required[str]
    type: Literal["item_reference"] | None


class Program(TypedDict, total=False):
    id: Required[str]
    call_id: Required[str]
    code: Required[str]
    fingerprint: Required[str]
    type: Required[Literal["program"]]


class ProgramOutput(TypedDict, total=False):
    id: Required[str]
    call_id: Required[str]
    result: Required[str]
    status: Required[Literal["completed", "incomplete"]]
    type: Required[Literal["program_output"]]


ResponseInputItemParam: TypeAlias = (
    EasyInputMessageParam
    | Message
    | ResponseOutputMessageParam
    | ResponseFileSearchToolCallParam
    | ResponseComputerToolCallParam
    | ComputerCallOutput
    | ResponseFunctionWebSearchParam
    | ResponseFunctionToolCallParam
    | FunctionCallOutput
    | ToolSearchCall
    | ResponseToolSearchOutputItemParamParam
    | AdditionalTools
    | ResponseConfigurationUpdateItemParamParam
    | ResponseReasoningItemParam
    | ResponseCompactionItemParamParam
    | ImageGenerationCall
    | ResponseCodeInterpreterToolCallParam
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
    | ResponseCustomToolCallOutputParam
    | ResponseCustomToolCallParam
    | CompactionTrigger
    | ItemReference
    | Program
    | ProgramOutput
)
