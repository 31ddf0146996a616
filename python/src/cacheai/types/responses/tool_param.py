"""API types mirroring `openai.types.responses.tool_param`."""

from collections.abc import Sequence
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from ..chat.chat_completion_function_tool_param import ChatCompletionFunctionToolParam
from ..shared.reasoning_effort import ReasoningEffort
from .apply_patch_tool_param import ApplyPatchToolParam
from .computer_tool_param import ComputerToolParam
from .computer_use_preview_tool_param import ComputerUsePreviewToolParam
from .container_network_policy_allowlist_param import ContainerNetworkPolicyAllowlistParam
from .container_network_policy_disabled_param import ContainerNetworkPolicyDisabledParam
from .custom_tool_param import CustomToolParam
from .file_search_tool_param import FileSearchToolParam
from .function_shell_tool_param import FunctionShellToolParam
from .function_tool_param import FunctionToolParam
from .namespace_tool_param import NamespaceToolParam
from .tool_search_tool_param import ToolSearchToolParam
from .web_search_preview_tool_param import WebSearchPreviewToolParam
from .web_search_tool_param import Filters, UserLocation, WebSearchToolParam

__all__ = [
    "CodeInterpreter",
    "CodeInterpreterContainer",
    "CodeInterpreterContainerCodeInterpreterToolAuto",
    "CodeInterpreterContainerCodeInterpreterToolAutoNetworkPolicy",
    "ImageGeneration",
    "ImageGenerationInputImageMask",
    "ImageGenerationSvg",
    "ImageGenerationSvgReasoning",
    "LocalShell",
    "Mcp",
    "McpAllowedTools",
    "McpAllowedToolsMcpToolFilter",
    "McpRequireApproval",
    "McpRequireApprovalMcpToolApprovalFilter",
    "McpRequireApprovalMcpToolApprovalFilterAlways",
    "McpRequireApprovalMcpToolApprovalFilterNever",
    "ParseableToolParam",
    "ProgrammaticToolCalling",
    "ToolParam",
    "WebSearchTool",
    "WebSearchToolFilters",
    "WebSearchToolUserLocation",
]


class McpAllowedToolsMcpToolFilter(TypedDict, total=False):
    read_only: bool
    tool_names: Sequence[str]


McpAllowedTools: TypeAlias = Sequence[str] | McpAllowedToolsMcpToolFilter


class McpRequireApprovalMcpToolApprovalFilterAlways(TypedDict, total=False):
    read_only: bool
    tool_names: Sequence[str]


class McpRequireApprovalMcpToolApprovalFilterNever(TypedDict, total=False):
    read_only: bool
    tool_names: Sequence[str]


class McpRequireApprovalMcpToolApprovalFilter(TypedDict, total=False):
    always: McpRequireApprovalMcpToolApprovalFilterAlways
    never: McpRequireApprovalMcpToolApprovalFilterNever


McpRequireApproval: TypeAlias = McpRequireApprovalMcpToolApprovalFilter | Literal["always", "never"]


class Mcp(TypedDict, total=False):
    server_label: Required[str]
    type: Required[Literal["mcp"]]
    allowed_callers: list[Literal["direct", "programmatic"]] | None
    allowed_tools: McpAllowedTools | None
    authorization: str
    connector_id: Literal[
        "connector_dropbox",
        "connector_gmail",
        "connector_googlecalendar",
        "connector_googledrive",
        "connector_microsoftteams",
        "connector_outlookcalendar",
        "connector_outlookemail",
        "connector_sharepoint",
    ]
    defer_loading: bool
    headers: dict[str, str] | None
    require_approval: McpRequireApproval | None
    server_description: str
    server_url: str
    tunnel_id: str


CodeInterpreterContainerCodeInterpreterToolAutoNetworkPolicy: TypeAlias = (
    ContainerNetworkPolicyDisabledParam | ContainerNetworkPolicyAllowlistParam
)


class CodeInterpreterContainerCodeInterpreterToolAuto(TypedDict, total=False):
    type: Required[Literal["auto"]]
    file_ids: Sequence[str]
    memory_limit: Literal["1g", "4g", "16g", "64g"] | None
    network_policy: CodeInterpreterContainerCodeInterpreterToolAutoNetworkPolicy


CodeInterpreterContainer: TypeAlias = str | CodeInterpreterContainerCodeInterpreterToolAuto


class CodeInterpreter(TypedDict, total=False):
    container: Required[CodeInterpreterContainer]
    type: Required[Literal["code_interpreter"]]
    allowed_callers: list[Literal["direct", "programmatic"]] | None


class ProgrammaticToolCalling(TypedDict, total=False):
    type: Required[Literal["programmatic_tool_calling"]]


class ImageGenerationInputImageMask(TypedDict, total=False):
    file_id: str
    image_url: str


class ImageGenerationSvgReasoning(TypedDict, total=False):
    effort: ReasoningEffort


class ImageGenerationSvg(TypedDict, total=False):
    model: str
    reasoning: ImageGenerationSvgReasoning | None


class ImageGeneration(TypedDict, total=False):
    type: Required[Literal["image_generation"]]
    action: Literal["generate", "edit", "auto"]
    background: Literal["transparent", "opaque", "auto"]
    complexity: Literal["low", "medium", "high"]
    frame_count: int
    frame_duration_ms: int
    input_fidelity: Literal["high", "low"] | None
    input_image_mask: ImageGenerationInputImageMask
    model: (
        str
        | Literal[
            "gpt-image-1",
            "gpt-image-1-mini",
            "gpt-image-2",
            "gpt-image-2-2026-04-21",
            "gpt-image-2.5-sunburst",
            "gpt-image-2.5-sunburst-2026-09-08",
            "gpt-image-2.5-flare",
            "gpt-image-2.5-flare-2026-09-08",
            "gpt-image-2.6-sunburst",
            "gpt-image-2.6-flare",
            "gpt-image-1.5",
            "chatgpt-image-latest",
        ]
    )
    moderation: Literal["auto", "low"]
    output_compression: int
    output_format: Literal["png", "webp", "jpeg", "gif", "svg"]
    partial_images: int
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto"]
    size: str | Literal["1024x1024", "1024x1536", "1536x1024", "auto"]
    svg: ImageGenerationSvg


class LocalShell(TypedDict, total=False):
    type: Required[Literal["local_shell"]]


ToolParam: TypeAlias = (
    FunctionToolParam
    | FileSearchToolParam
    | ComputerToolParam
    | ComputerUsePreviewToolParam
    | WebSearchToolParam
    | Mcp
    | CodeInterpreter
    | ProgrammaticToolCalling
    | ImageGeneration
    | LocalShell
    | FunctionShellToolParam
    | CustomToolParam
    | NamespaceToolParam
    | ToolSearchToolParam
    | WebSearchPreviewToolParam
    | ApplyPatchToolParam
)


ParseableToolParam: TypeAlias = (
    FunctionToolParam
    | FileSearchToolParam
    | ComputerToolParam
    | ComputerUsePreviewToolParam
    | WebSearchToolParam
    | Mcp
    | CodeInterpreter
    | ProgrammaticToolCalling
    | ImageGeneration
    | LocalShell
    | FunctionShellToolParam
    | CustomToolParam
    | NamespaceToolParam
    | ToolSearchToolParam
    | WebSearchPreviewToolParam
    | ApplyPatchToolParam
    | ChatCompletionFunctionToolParam
)


WebSearchTool = WebSearchToolParam


WebSearchToolFilters = Filters


WebSearchToolUserLocation = UserLocation
