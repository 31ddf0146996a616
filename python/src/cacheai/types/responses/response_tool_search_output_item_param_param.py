"""API types mirroring `openai.types.responses.response_tool_search_output_item_param_param`."""

from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

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
from .tool_search_output_namespace_tool_param import ToolSearchOutputNamespaceToolParam
from .tool_search_tool_param import ToolSearchToolParam
from .web_search_preview_tool_param import WebSearchPreviewToolParam
from .web_search_tool_param import WebSearchToolParam

__all__ = [
    "ResponseToolSearchOutputItemParamParam",
    "Tool",
    "ToolCodeInterpreter",
    "ToolCodeInterpreterContainer",
    "ToolCodeInterpreterContainerCodeInterpreterToolAuto",
    "ToolCodeInterpreterContainerCodeInterpreterToolAutoNetworkPolicy",
    "ToolImageGeneration",
    "ToolImageGenerationInputImageMask",
    "ToolImageGenerationSvg",
    "ToolImageGenerationSvgReasoning",
    "ToolLocalShell",
    "ToolMcp",
    "ToolMcpAllowedTools",
    "ToolMcpAllowedToolsMcpToolFilter",
    "ToolMcpRequireApproval",
    "ToolMcpRequireApprovalMcpToolApprovalFilter",
    "ToolMcpRequireApprovalMcpToolApprovalFilterAlways",
    "ToolMcpRequireApprovalMcpToolApprovalFilterNever",
    "ToolProgrammaticToolCalling",
]


class ToolMcpAllowedToolsMcpToolFilter(TypedDict, total=False):
    read_only: bool
    tool_names: Sequence[str]


ToolMcpAllowedTools: TypeAlias = Sequence[str] | ToolMcpAllowedToolsMcpToolFilter


class ToolMcpRequireApprovalMcpToolApprovalFilterAlways(TypedDict, total=False):
    read_only: bool
    tool_names: Sequence[str]


class ToolMcpRequireApprovalMcpToolApprovalFilterNever(TypedDict, total=False):
    read_only: bool
    tool_names: Sequence[str]


class ToolMcpRequireApprovalMcpToolApprovalFilter(TypedDict, total=False):
    always: ToolMcpRequireApprovalMcpToolApprovalFilterAlways
    never: ToolMcpRequireApprovalMcpToolApprovalFilterNever


ToolMcpRequireApproval: TypeAlias = ToolMcpRequireApprovalMcpToolApprovalFilter | Literal["always", "never"]


class ToolMcp(TypedDict, total=False):
    server_label: Required[str]
    type: Required[Literal["mcp"]]
    allowed_callers: list[Literal["direct", "programmatic"]] | None
    allowed_tools: ToolMcpAllowedTools | None
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
    require_approval: ToolMcpRequireApproval | None
    server_description: str
    server_url: str
    tunnel_id: str


ToolCodeInterpreterContainerCodeInterpreterToolAutoNetworkPolicy: TypeAlias = (
    ContainerNetworkPolicyDisabledParam | ContainerNetworkPolicyAllowlistParam
)


class ToolCodeInterpreterContainerCodeInterpreterToolAuto(TypedDict, total=False):
    type: Required[Literal["auto"]]
    file_ids: Sequence[str]
    memory_limit: Literal["1g", "4g", "16g", "64g"] | None
    network_policy: ToolCodeInterpreterContainerCodeInterpreterToolAutoNetworkPolicy


ToolCodeInterpreterContainer: TypeAlias = str | ToolCodeInterpreterContainerCodeInterpreterToolAuto


class ToolCodeInterpreter(TypedDict, total=False):
    container: Required[ToolCodeInterpreterContainer]
    type: Required[Literal["code_interpreter"]]
    allowed_callers: list[Literal["direct", "programmatic"]] | None


class ToolProgrammaticToolCalling(TypedDict, total=False):
    type: Required[Literal["programmatic_tool_calling"]]


class ToolImageGenerationInputImageMask(TypedDict, total=False):
    file_id: str
    image_url: str


class ToolImageGenerationSvgReasoning(TypedDict, total=False):
    effort: ReasoningEffort


class ToolImageGenerationSvg(TypedDict, total=False):
    model: str
    reasoning: ToolImageGenerationSvgReasoning | None


class ToolImageGeneration(TypedDict, total=False):
    type: Required[Literal["image_generation"]]
    action: Literal["generate", "edit", "auto"]
    background: Literal["transparent", "opaque", "auto"]
    complexity: Literal["low", "medium", "high"]
    frame_count: int
    frame_duration_ms: int
    input_fidelity: Literal["high", "low"] | None
    input_image_mask: ToolImageGenerationInputImageMask
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
    svg: ToolImageGenerationSvg


class ToolLocalShell(TypedDict, total=False):
    type: Required[Literal["local_shell"]]


Tool: TypeAlias = (
    FunctionToolParam
    | FileSearchToolParam
    | ComputerToolParam
    | ComputerUsePreviewToolParam
    | WebSearchToolParam
    | ToolMcp
    | ToolCodeInterpreter
    | ToolProgrammaticToolCalling
    | ToolImageGeneration
    | ToolLocalShell
    | FunctionShellToolParam
    | CustomToolParam
    | ToolSearchOutputNamespaceToolParam
    | ToolSearchToolParam
    | WebSearchPreviewToolParam
    | ApplyPatchToolParam
)


class ResponseToolSearchOutputItemParamParam(TypedDict, total=False):
    tools: Required[Iterable[Tool]]
    type: Required[Literal["tool_search_output"]]
    id: str | None
    call_id: str | None
    execution: Literal["server", "client"]
    status: Literal["in_progress", "completed", "incomplete"] | None
