"""API types mirroring `openai.types.responses.response_tool_search_output_item_param`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from ..shared.reasoning_effort import ReasoningEffort
from .apply_patch_tool import ApplyPatchTool
from .computer_tool import ComputerTool
from .computer_use_preview_tool import ComputerUsePreviewTool
from .container_network_policy_allowlist import ContainerNetworkPolicyAllowlist
from .container_network_policy_disabled import ContainerNetworkPolicyDisabled
from .custom_tool import CustomTool
from .file_search_tool import FileSearchTool
from .function_shell_tool import FunctionShellTool
from .function_tool import FunctionTool
from .tool_search_output_namespace_tool import ToolSearchOutputNamespaceTool
from .tool_search_tool import ToolSearchTool
from .web_search_preview_tool import WebSearchPreviewTool
from .web_search_tool import WebSearchTool

__all__ = [
    "ResponseToolSearchOutputItemParam",
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


class ToolMcpAllowedToolsMcpToolFilter(BaseModel):
    read_only: bool | None = None
    tool_names: list[str] | None = None


ToolMcpAllowedTools: TypeAlias = list[str] | ToolMcpAllowedToolsMcpToolFilter | None


class ToolMcpRequireApprovalMcpToolApprovalFilterAlways(BaseModel):
    read_only: bool | None = None
    tool_names: list[str] | None = None


class ToolMcpRequireApprovalMcpToolApprovalFilterNever(BaseModel):
    read_only: bool | None = None
    tool_names: list[str] | None = None


class ToolMcpRequireApprovalMcpToolApprovalFilter(BaseModel):
    always: ToolMcpRequireApprovalMcpToolApprovalFilterAlways | None = None
    never: ToolMcpRequireApprovalMcpToolApprovalFilterNever | None = None


ToolMcpRequireApproval: TypeAlias = ToolMcpRequireApprovalMcpToolApprovalFilter | Literal["always", "never"] | None


class ToolMcp(BaseModel):
    server_label: str
    type: Literal["mcp"]
    allowed_callers: list[Literal["direct", "programmatic"]] | None = None
    allowed_tools: ToolMcpAllowedTools | None = None
    authorization: str | None = None
    connector_id: (
        Literal[
            "connector_dropbox",
            "connector_gmail",
            "connector_googlecalendar",
            "connector_googledrive",
            "connector_microsoftteams",
            "connector_outlookcalendar",
            "connector_outlookemail",
            "connector_sharepoint",
        ]
        | None
    ) = None
    defer_loading: bool | None = None
    headers: dict[str, str] | None = None
    require_approval: ToolMcpRequireApproval | None = None
    server_description: str | None = None
    server_url: str | None = None
    tunnel_id: str | None = None


ToolCodeInterpreterContainerCodeInterpreterToolAutoNetworkPolicy: TypeAlias = Annotated[
    ContainerNetworkPolicyDisabled | ContainerNetworkPolicyAllowlist, Field(discriminator="type")
]


class ToolCodeInterpreterContainerCodeInterpreterToolAuto(BaseModel):
    type: Literal["auto"]
    file_ids: list[str] | None = None
    memory_limit: Literal["1g", "4g", "16g", "64g"] | None = None
    network_policy: ToolCodeInterpreterContainerCodeInterpreterToolAutoNetworkPolicy | None = None


ToolCodeInterpreterContainer: TypeAlias = str | ToolCodeInterpreterContainerCodeInterpreterToolAuto


class ToolCodeInterpreter(BaseModel):
    container: ToolCodeInterpreterContainer
    type: Literal["code_interpreter"]
    allowed_callers: list[Literal["direct", "programmatic"]] | None = None


class ToolProgrammaticToolCalling(BaseModel):
    type: Literal["programmatic_tool_calling"]


class ToolImageGenerationInputImageMask(BaseModel):
    file_id: str | None = None
    image_url: str | None = None


class ToolImageGenerationSvgReasoning(BaseModel):
    effort: ReasoningEffort | None = None


class ToolImageGenerationSvg(BaseModel):
    model: str | None = None
    reasoning: ToolImageGenerationSvgReasoning | None = None


class ToolImageGeneration(BaseModel):
    type: Literal["image_generation"]
    action: Literal["generate", "edit", "auto"] | None = None
    background: Literal["transparent", "opaque", "auto"] | None = None
    complexity: Literal["low", "medium", "high"] | None = None
    frame_count: int | None = None
    frame_duration_ms: int | None = None
    input_fidelity: Literal["high", "low"] | None = None
    input_image_mask: ToolImageGenerationInputImageMask | None = None
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
        | None
    ) = None
    moderation: Literal["auto", "low"] | None = None
    output_compression: int | None = None
    output_format: Literal["png", "webp", "jpeg", "gif", "svg"] | None = None
    partial_images: int | None = None
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto"] | None = None
    size: str | Literal["1024x1024", "1024x1536", "1536x1024", "auto"] | None = None
    svg: ToolImageGenerationSvg | None = None


class ToolLocalShell(BaseModel):
    type: Literal["local_shell"]


Tool: TypeAlias = Annotated[
    FunctionTool
    | FileSearchTool
    | ComputerTool
    | ComputerUsePreviewTool
    | WebSearchTool
    | ToolMcp
    | ToolCodeInterpreter
    | ToolProgrammaticToolCalling
    | ToolImageGeneration
    | ToolLocalShell
    | FunctionShellTool
    | CustomTool
    | ToolSearchOutputNamespaceTool
    | ToolSearchTool
    | WebSearchPreviewTool
    | ApplyPatchTool,
    Field(discriminator="type"),
]


class ResponseToolSearchOutputItemParam(BaseModel):
    tools: list[Tool]
    type: Literal["tool_search_output"]
    id: str | None = None
    call_id: str | None = None
    execution: Literal["server", "client"] | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None
