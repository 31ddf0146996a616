"""Responses API types: the response object, output items, inputs and stream events.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .apply_patch_tool import ApplyPatchTool
    from .apply_patch_tool_param import ApplyPatchToolParam
    from .compacted_response import CompactedResponse
    from .computer_action import ComputerAction
    from .computer_action_list_param import ComputerActionListParam
    from .computer_tool import ComputerTool
    from .computer_tool_param import ComputerToolParam
    from .computer_use_preview_tool import ComputerUsePreviewTool
    from .computer_use_preview_tool_param import ComputerUsePreviewToolParam
    from .container_auto import ContainerAuto
    from .container_auto_param import ContainerAutoParam
    from .container_network_policy_allowlist import ContainerNetworkPolicyAllowlist
    from .container_network_policy_allowlist_param import ContainerNetworkPolicyAllowlistParam
    from .container_network_policy_disabled import ContainerNetworkPolicyDisabled
    from .container_network_policy_disabled_param import ContainerNetworkPolicyDisabledParam
    from .container_network_policy_domain_secret import ContainerNetworkPolicyDomainSecret
    from .container_network_policy_domain_secret_param import ContainerNetworkPolicyDomainSecretParam
    from .container_reference import ContainerReference
    from .container_reference_param import ContainerReferenceParam
    from .custom_tool import CustomTool
    from .custom_tool_param import CustomToolParam
    from .easy_input_message import EasyInputMessage
    from .easy_input_message_param import EasyInputMessageParam
    from .file_search_tool import FileSearchTool
    from .file_search_tool_param import FileSearchToolParam
    from .function_shell_tool import FunctionShellTool
    from .function_shell_tool_param import FunctionShellToolParam
    from .function_tool import FunctionTool
    from .function_tool_param import FunctionToolParam
    from .inline_skill import InlineSkill
    from .inline_skill_param import InlineSkillParam
    from .inline_skill_source import InlineSkillSource
    from .inline_skill_source_param import InlineSkillSourceParam
    from .input_token_count_response import InputTokenCountResponse
    from .local_environment import LocalEnvironment
    from .local_environment_param import LocalEnvironmentParam
    from .local_skill import LocalSkill
    from .local_skill_param import LocalSkillParam
    from .mcp_tool_call_error import McpToolCallError
    from .mcp_tool_call_error_param import McpToolCallErrorParam
    from .namespace_tool import NamespaceTool
    from .namespace_tool_param import NamespaceToolParam
    from .parsed_response import (
        ParsedResponse,
        ParsedResponseFunctionToolCall,
        ParsedResponseOutputMessage,
        ParsedResponseOutputText,
    )
    from .response import Response
    from .response_apply_patch_tool_call import ResponseApplyPatchToolCall
    from .response_apply_patch_tool_call_output import ResponseApplyPatchToolCallOutput
    from .response_audio_delta_event import ResponseAudioDeltaEvent
    from .response_audio_done_event import ResponseAudioDoneEvent
    from .response_audio_transcript_delta_event import ResponseAudioTranscriptDeltaEvent
    from .response_audio_transcript_done_event import ResponseAudioTranscriptDoneEvent
    from .response_code_interpreter_call_code_delta_event import ResponseCodeInterpreterCallCodeDeltaEvent
    from .response_code_interpreter_call_code_done_event import ResponseCodeInterpreterCallCodeDoneEvent
    from .response_code_interpreter_call_completed_event import ResponseCodeInterpreterCallCompletedEvent
    from .response_code_interpreter_call_in_progress_event import ResponseCodeInterpreterCallInProgressEvent
    from .response_code_interpreter_call_interpreting_event import ResponseCodeInterpreterCallInterpretingEvent
    from .response_code_interpreter_tool_call import ResponseCodeInterpreterToolCall
    from .response_code_interpreter_tool_call_param import ResponseCodeInterpreterToolCallParam
    from .response_compaction_compacting_event import ResponseCompactionCompactingEvent
    from .response_compaction_item import ResponseCompactionItem
    from .response_compaction_item_param import ResponseCompactionItemParam
    from .response_compaction_item_param_param import ResponseCompactionItemParamParam
    from .response_completed_event import ResponseCompletedEvent
    from .response_computer_tool_call import ResponseComputerToolCall
    from .response_computer_tool_call_output_item import ResponseComputerToolCallOutputItem
    from .response_computer_tool_call_output_screenshot import ResponseComputerToolCallOutputScreenshot
    from .response_computer_tool_call_output_screenshot_param import ResponseComputerToolCallOutputScreenshotParam
    from .response_computer_tool_call_param import ResponseComputerToolCallParam
    from .response_configuration_update_item import ResponseConfigurationUpdateItem
    from .response_configuration_update_item_param import ResponseConfigurationUpdateItemParam
    from .response_configuration_update_item_param_param import ResponseConfigurationUpdateItemParamParam
    from .response_container_reference import ResponseContainerReference
    from .response_content_part_added_event import ResponseContentPartAddedEvent
    from .response_content_part_done_event import ResponseContentPartDoneEvent
    from .response_conversation_param import ResponseConversationParam
    from .response_created_event import ResponseCreatedEvent
    from .response_custom_tool_call import ResponseCustomToolCall
    from .response_custom_tool_call_input_delta_event import ResponseCustomToolCallInputDeltaEvent
    from .response_custom_tool_call_input_done_event import ResponseCustomToolCallInputDoneEvent
    from .response_custom_tool_call_item import ResponseCustomToolCallItem
    from .response_custom_tool_call_output import ResponseCustomToolCallOutput
    from .response_custom_tool_call_output_item import ResponseCustomToolCallOutputItem
    from .response_custom_tool_call_output_param import ResponseCustomToolCallOutputParam
    from .response_custom_tool_call_param import ResponseCustomToolCallParam
    from .response_error import ResponseError
    from .response_error_event import ResponseErrorEvent
    from .response_failed_event import ResponseFailedEvent
    from .response_file_search_call_completed_event import ResponseFileSearchCallCompletedEvent
    from .response_file_search_call_in_progress_event import ResponseFileSearchCallInProgressEvent
    from .response_file_search_call_searching_event import ResponseFileSearchCallSearchingEvent
    from .response_file_search_tool_call import ResponseFileSearchToolCall
    from .response_file_search_tool_call_param import ResponseFileSearchToolCallParam
    from .response_format_text_config import ResponseFormatTextConfig
    from .response_format_text_config_param import ResponseFormatTextConfigParam
    from .response_format_text_json_schema_config import ResponseFormatTextJSONSchemaConfig
    from .response_format_text_json_schema_config_param import ResponseFormatTextJSONSchemaConfigParam
    from .response_function_call_arguments_delta_event import ResponseFunctionCallArgumentsDeltaEvent
    from .response_function_call_arguments_done_event import ResponseFunctionCallArgumentsDoneEvent
    from .response_function_shell_call_output_content import ResponseFunctionShellCallOutputContent
    from .response_function_shell_call_output_content_param import ResponseFunctionShellCallOutputContentParam
    from .response_function_shell_tool_call import ResponseFunctionShellToolCall
    from .response_function_shell_tool_call_output import ResponseFunctionShellToolCallOutput
    from .response_function_tool_call import ResponseFunctionToolCall
    from .response_function_tool_call_item import ResponseFunctionToolCallItem
    from .response_function_tool_call_output_item import ResponseFunctionToolCallOutputItem
    from .response_function_tool_call_param import ResponseFunctionToolCallParam
    from .response_function_web_search import ResponseFunctionWebSearch
    from .response_function_web_search_param import ResponseFunctionWebSearchParam
    from .response_image_gen_call_completed_event import ResponseImageGenCallCompletedEvent
    from .response_image_gen_call_generating_event import ResponseImageGenCallGeneratingEvent
    from .response_image_gen_call_in_progress_event import ResponseImageGenCallInProgressEvent
    from .response_image_gen_call_partial_image_event import ResponseImageGenCallPartialImageEvent
    from .response_in_progress_event import ResponseInProgressEvent
    from .response_includable import ResponseIncludable
    from .response_incomplete_event import ResponseIncompleteEvent
    from .response_input_audio import ResponseInputAudio
    from .response_input_audio_param import ResponseInputAudioParam
    from .response_input_content import ResponseInputContent
    from .response_input_file import ResponseInputFile
    from .response_input_file_content import ResponseInputFileContent
    from .response_input_file_content_param import ResponseInputFileContentParam
    from .response_input_file_param import ResponseInputFileParam
    from .response_input_image import ResponseInputImage
    from .response_input_image_content import ResponseInputImageContent
    from .response_input_image_content_param import ResponseInputImageContentParam
    from .response_input_image_param import ResponseInputImageParam
    from .response_input_item import ResponseInputItem
    from .response_input_item_param import ResponseInputItemParam
    from .response_input_message_content_list_param import ResponseInputMessageContentListParam
    from .response_input_message_item import ResponseInputMessageItem
    from .response_input_param import ResponseInputParam
    from .response_input_text import ResponseInputText
    from .response_input_text_content import ResponseInputTextContent
    from .response_input_text_content_param import ResponseInputTextContentParam
    from .response_input_text_param import ResponseInputTextParam
    from .response_item import ResponseItem
    from .response_local_environment import ResponseLocalEnvironment
    from .response_mcp_call_arguments_delta_event import ResponseMcpCallArgumentsDeltaEvent
    from .response_mcp_call_arguments_done_event import ResponseMcpCallArgumentsDoneEvent
    from .response_mcp_call_completed_event import ResponseMcpCallCompletedEvent
    from .response_mcp_call_failed_event import ResponseMcpCallFailedEvent
    from .response_mcp_call_in_progress_event import ResponseMcpCallInProgressEvent
    from .response_mcp_list_tools_completed_event import ResponseMcpListToolsCompletedEvent
    from .response_mcp_list_tools_failed_event import ResponseMcpListToolsFailedEvent
    from .response_mcp_list_tools_in_progress_event import ResponseMcpListToolsInProgressEvent
    from .response_output_item import ResponseOutputItem
    from .response_output_item_added_event import ResponseOutputItemAddedEvent
    from .response_output_item_done_event import ResponseOutputItemDoneEvent
    from .response_output_message import ResponseOutputMessage
    from .response_output_message_param import ResponseOutputMessageParam
    from .response_output_refusal import ResponseOutputRefusal
    from .response_output_refusal_param import ResponseOutputRefusalParam
    from .response_output_text import ResponseOutputText
    from .response_output_text_annotation_added_event import ResponseOutputTextAnnotationAddedEvent
    from .response_output_text_param import ResponseOutputTextParam
    from .response_prompt import ResponsePrompt
    from .response_prompt_param import ResponsePromptParam
    from .response_queued_event import ResponseQueuedEvent
    from .response_reasoning_item import ResponseReasoningItem
    from .response_reasoning_item_param import ResponseReasoningItemParam
    from .response_reasoning_summary_part_added_event import ResponseReasoningSummaryPartAddedEvent
    from .response_reasoning_summary_part_done_event import ResponseReasoningSummaryPartDoneEvent
    from .response_reasoning_summary_text_delta_event import ResponseReasoningSummaryTextDeltaEvent
    from .response_reasoning_summary_text_done_event import ResponseReasoningSummaryTextDoneEvent
    from .response_reasoning_text_delta_event import ResponseReasoningTextDeltaEvent
    from .response_reasoning_text_done_event import ResponseReasoningTextDoneEvent
    from .response_refusal_delta_event import ResponseRefusalDeltaEvent
    from .response_refusal_done_event import ResponseRefusalDoneEvent
    from .response_shell_call_command_added_event import ResponseShellCallCommandAddedEvent
    from .response_shell_call_command_delta_event import ResponseShellCallCommandDeltaEvent
    from .response_shell_call_command_done_event import ResponseShellCallCommandDoneEvent
    from .response_shell_call_output_content_delta_event import ResponseShellCallOutputContentDeltaEvent
    from .response_shell_call_output_content_done_event import ResponseShellCallOutputContentDoneEvent
    from .response_status import ResponseStatus
    from .response_stream_event import ResponseStreamEvent
    from .response_stream_event_parsing import ResponseUnknownEvent, parse_response_stream_event
    from .response_text_config import ResponseTextConfig
    from .response_text_config_param import ResponseTextConfigParam
    from .response_text_delta_event import ResponseTextDeltaEvent
    from .response_text_done_event import ResponseTextDoneEvent
    from .response_tool_search_call import ResponseToolSearchCall
    from .response_tool_search_output_item import ResponseToolSearchOutputItem
    from .response_tool_search_output_item_param import ResponseToolSearchOutputItemParam
    from .response_tool_search_output_item_param_param import ResponseToolSearchOutputItemParamParam
    from .response_usage import ResponseUsage
    from .response_web_search_call_completed_event import ResponseWebSearchCallCompletedEvent
    from .response_web_search_call_in_progress_event import ResponseWebSearchCallInProgressEvent
    from .response_web_search_call_searching_event import ResponseWebSearchCallSearchingEvent
    from .skill_reference import SkillReference
    from .skill_reference_param import SkillReferenceParam
    from .tool import Tool
    from .tool_choice_allowed import ToolChoiceAllowed
    from .tool_choice_apply_patch import ToolChoiceApplyPatch
    from .tool_choice_custom import ToolChoiceCustom
    from .tool_choice_function import ToolChoiceFunction
    from .tool_choice_function_param import ToolChoiceFunctionParam
    from .tool_choice_mcp import ToolChoiceMcp
    from .tool_choice_options import ToolChoiceOptions
    from .tool_choice_shell import ToolChoiceShell
    from .tool_choice_types import ToolChoiceTypes
    from .tool_param import ToolParam
    from .tool_search_output_namespace_tool import ToolSearchOutputNamespaceTool
    from .tool_search_output_namespace_tool_param import ToolSearchOutputNamespaceToolParam
    from .tool_search_tool import ToolSearchTool
    from .tool_search_tool_param import ToolSearchToolParam
    from .web_search_preview_tool import WebSearchPreviewTool
    from .web_search_preview_tool_param import WebSearchPreviewToolParam
    from .web_search_tool import WebSearchTool
    from .web_search_tool_param import WebSearchToolParam

__all__ = [
    "ApplyPatchTool",
    "ApplyPatchToolParam",
    "CompactedResponse",
    "ComputerAction",
    "ComputerActionListParam",
    "ComputerTool",
    "ComputerToolParam",
    "ComputerUsePreviewTool",
    "ComputerUsePreviewToolParam",
    "ContainerAuto",
    "ContainerAutoParam",
    "ContainerNetworkPolicyAllowlist",
    "ContainerNetworkPolicyAllowlistParam",
    "ContainerNetworkPolicyDisabled",
    "ContainerNetworkPolicyDisabledParam",
    "ContainerNetworkPolicyDomainSecret",
    "ContainerNetworkPolicyDomainSecretParam",
    "ContainerReference",
    "ContainerReferenceParam",
    "CustomTool",
    "CustomToolParam",
    "EasyInputMessage",
    "EasyInputMessageParam",
    "FileSearchTool",
    "FileSearchToolParam",
    "FunctionShellTool",
    "FunctionShellToolParam",
    "FunctionTool",
    "FunctionToolParam",
    "InlineSkill",
    "InlineSkillParam",
    "InlineSkillSource",
    "InlineSkillSourceParam",
    "InputTokenCountResponse",
    "LocalEnvironment",
    "LocalEnvironmentParam",
    "LocalSkill",
    "LocalSkillParam",
    "McpToolCallError",
    "McpToolCallErrorParam",
    "NamespaceTool",
    "NamespaceToolParam",
    "ParsedResponse",
    "ParsedResponseFunctionToolCall",
    "ParsedResponseOutputMessage",
    "ParsedResponseOutputText",
    "Response",
    "ResponseApplyPatchToolCall",
    "ResponseApplyPatchToolCallOutput",
    "ResponseAudioDeltaEvent",
    "ResponseAudioDoneEvent",
    "ResponseAudioTranscriptDeltaEvent",
    "ResponseAudioTranscriptDoneEvent",
    "ResponseCodeInterpreterCallCodeDeltaEvent",
    "ResponseCodeInterpreterCallCodeDoneEvent",
    "ResponseCodeInterpreterCallCompletedEvent",
    "ResponseCodeInterpreterCallInProgressEvent",
    "ResponseCodeInterpreterCallInterpretingEvent",
    "ResponseCodeInterpreterToolCall",
    "ResponseCodeInterpreterToolCallParam",
    "ResponseCompactionCompactingEvent",
    "ResponseCompactionItem",
    "ResponseCompactionItemParam",
    "ResponseCompactionItemParamParam",
    "ResponseCompletedEvent",
    "ResponseComputerToolCall",
    "ResponseComputerToolCallOutputItem",
    "ResponseComputerToolCallOutputScreenshot",
    "ResponseComputerToolCallOutputScreenshotParam",
    "ResponseComputerToolCallParam",
    "ResponseConfigurationUpdateItem",
    "ResponseConfigurationUpdateItemParam",
    "ResponseConfigurationUpdateItemParamParam",
    "ResponseContainerReference",
    "ResponseContentPartAddedEvent",
    "ResponseContentPartDoneEvent",
    "ResponseConversationParam",
    "ResponseCreatedEvent",
    "ResponseCustomToolCall",
    "ResponseCustomToolCallInputDeltaEvent",
    "ResponseCustomToolCallInputDoneEvent",
    "ResponseCustomToolCallItem",
    "ResponseCustomToolCallOutput",
    "ResponseCustomToolCallOutputItem",
    "ResponseCustomToolCallOutputParam",
    "ResponseCustomToolCallParam",
    "ResponseError",
    "ResponseErrorEvent",
    "ResponseFailedEvent",
    "ResponseFileSearchCallCompletedEvent",
    "ResponseFileSearchCallInProgressEvent",
    "ResponseFileSearchCallSearchingEvent",
    "ResponseFileSearchToolCall",
    "ResponseFileSearchToolCallParam",
    "ResponseFormatTextConfig",
    "ResponseFormatTextConfigParam",
    "ResponseFormatTextJSONSchemaConfig",
    "ResponseFormatTextJSONSchemaConfigParam",
    "ResponseFunctionCallArgumentsDeltaEvent",
    "ResponseFunctionCallArgumentsDoneEvent",
    "ResponseFunctionShellCallOutputContent",
    "ResponseFunctionShellCallOutputContentParam",
    "ResponseFunctionShellToolCall",
    "ResponseFunctionShellToolCallOutput",
    "ResponseFunctionToolCall",
    "ResponseFunctionToolCallItem",
    "ResponseFunctionToolCallOutputItem",
    "ResponseFunctionToolCallParam",
    "ResponseFunctionWebSearch",
    "ResponseFunctionWebSearchParam",
    "ResponseImageGenCallCompletedEvent",
    "ResponseImageGenCallGeneratingEvent",
    "ResponseImageGenCallInProgressEvent",
    "ResponseImageGenCallPartialImageEvent",
    "ResponseInProgressEvent",
    "ResponseIncludable",
    "ResponseIncompleteEvent",
    "ResponseInputAudio",
    "ResponseInputAudioParam",
    "ResponseInputContent",
    "ResponseInputFile",
    "ResponseInputFileContent",
    "ResponseInputFileContentParam",
    "ResponseInputFileParam",
    "ResponseInputImage",
    "ResponseInputImageContent",
    "ResponseInputImageContentParam",
    "ResponseInputImageParam",
    "ResponseInputItem",
    "ResponseInputItemParam",
    "ResponseInputMessageContentListParam",
    "ResponseInputMessageItem",
    "ResponseInputParam",
    "ResponseInputText",
    "ResponseInputTextContent",
    "ResponseInputTextContentParam",
    "ResponseInputTextParam",
    "ResponseItem",
    "ResponseLocalEnvironment",
    "ResponseMcpCallArgumentsDeltaEvent",
    "ResponseMcpCallArgumentsDoneEvent",
    "ResponseMcpCallCompletedEvent",
    "ResponseMcpCallFailedEvent",
    "ResponseMcpCallInProgressEvent",
    "ResponseMcpListToolsCompletedEvent",
    "ResponseMcpListToolsFailedEvent",
    "ResponseMcpListToolsInProgressEvent",
    "ResponseOutputItem",
    "ResponseOutputItemAddedEvent",
    "ResponseOutputItemDoneEvent",
    "ResponseOutputMessage",
    "ResponseOutputMessageParam",
    "ResponseOutputRefusal",
    "ResponseOutputRefusalParam",
    "ResponseOutputText",
    "ResponseOutputTextAnnotationAddedEvent",
    "ResponseOutputTextParam",
    "ResponsePrompt",
    "ResponsePromptParam",
    "ResponseQueuedEvent",
    "ResponseReasoningItem",
    "ResponseReasoningItemParam",
    "ResponseReasoningSummaryPartAddedEvent",
    "ResponseReasoningSummaryPartDoneEvent",
    "ResponseReasoningSummaryTextDeltaEvent",
    "ResponseReasoningSummaryTextDoneEvent",
    "ResponseReasoningTextDeltaEvent",
    "ResponseReasoningTextDoneEvent",
    "ResponseRefusalDeltaEvent",
    "ResponseRefusalDoneEvent",
    "ResponseShellCallCommandAddedEvent",
    "ResponseShellCallCommandDeltaEvent",
    "ResponseShellCallCommandDoneEvent",
    "ResponseShellCallOutputContentDeltaEvent",
    "ResponseShellCallOutputContentDoneEvent",
    "ResponseStatus",
    "ResponseStreamEvent",
    "ResponseTextConfig",
    "ResponseTextConfigParam",
    "ResponseTextDeltaEvent",
    "ResponseTextDoneEvent",
    "ResponseToolSearchCall",
    "ResponseToolSearchOutputItem",
    "ResponseToolSearchOutputItemParam",
    "ResponseToolSearchOutputItemParamParam",
    "ResponseUnknownEvent",
    "ResponseUsage",
    "ResponseWebSearchCallCompletedEvent",
    "ResponseWebSearchCallInProgressEvent",
    "ResponseWebSearchCallSearchingEvent",
    "SkillReference",
    "SkillReferenceParam",
    "Tool",
    "ToolChoiceAllowed",
    "ToolChoiceApplyPatch",
    "ToolChoiceCustom",
    "ToolChoiceFunction",
    "ToolChoiceFunctionParam",
    "ToolChoiceMcp",
    "ToolChoiceOptions",
    "ToolChoiceShell",
    "ToolChoiceTypes",
    "ToolParam",
    "ToolSearchOutputNamespaceTool",
    "ToolSearchOutputNamespaceToolParam",
    "ToolSearchTool",
    "ToolSearchToolParam",
    "WebSearchPreviewTool",
    "WebSearchPreviewToolParam",
    "WebSearchTool",
    "WebSearchToolParam",
    "parse_response_stream_event",
]

_MODULE_OF: dict[str, str] = {
    "ApplyPatchTool": ".apply_patch_tool",
    "ApplyPatchToolParam": ".apply_patch_tool_param",
    "CompactedResponse": ".compacted_response",
    "ComputerAction": ".computer_action",
    "ComputerActionListParam": ".computer_action_list_param",
    "ComputerTool": ".computer_tool",
    "ComputerToolParam": ".computer_tool_param",
    "ComputerUsePreviewTool": ".computer_use_preview_tool",
    "ComputerUsePreviewToolParam": ".computer_use_preview_tool_param",
    "ContainerAuto": ".container_auto",
    "ContainerAutoParam": ".container_auto_param",
    "ContainerNetworkPolicyAllowlist": ".container_network_policy_allowlist",
    "ContainerNetworkPolicyAllowlistParam": ".container_network_policy_allowlist_param",
    "ContainerNetworkPolicyDisabled": ".container_network_policy_disabled",
    "ContainerNetworkPolicyDisabledParam": ".container_network_policy_disabled_param",
    "ContainerNetworkPolicyDomainSecret": ".container_network_policy_domain_secret",
    "ContainerNetworkPolicyDomainSecretParam": ".container_network_policy_domain_secret_param",
    "ContainerReference": ".container_reference",
    "ContainerReferenceParam": ".container_reference_param",
    "CustomTool": ".custom_tool",
    "CustomToolParam": ".custom_tool_param",
    "EasyInputMessage": ".easy_input_message",
    "EasyInputMessageParam": ".easy_input_message_param",
    "FileSearchTool": ".file_search_tool",
    "FileSearchToolParam": ".file_search_tool_param",
    "FunctionShellTool": ".function_shell_tool",
    "FunctionShellToolParam": ".function_shell_tool_param",
    "FunctionTool": ".function_tool",
    "FunctionToolParam": ".function_tool_param",
    "InlineSkill": ".inline_skill",
    "InlineSkillParam": ".inline_skill_param",
    "InlineSkillSource": ".inline_skill_source",
    "InlineSkillSourceParam": ".inline_skill_source_param",
    "InputTokenCountResponse": ".input_token_count_response",
    "LocalEnvironment": ".local_environment",
    "LocalEnvironmentParam": ".local_environment_param",
    "LocalSkill": ".local_skill",
    "LocalSkillParam": ".local_skill_param",
    "McpToolCallError": ".mcp_tool_call_error",
    "McpToolCallErrorParam": ".mcp_tool_call_error_param",
    "NamespaceTool": ".namespace_tool",
    "NamespaceToolParam": ".namespace_tool_param",
    "ParsedResponse": ".parsed_response",
    "ParsedResponseFunctionToolCall": ".parsed_response",
    "ParsedResponseOutputMessage": ".parsed_response",
    "ParsedResponseOutputText": ".parsed_response",
    "Response": ".response",
    "ResponseApplyPatchToolCall": ".response_apply_patch_tool_call",
    "ResponseApplyPatchToolCallOutput": ".response_apply_patch_tool_call_output",
    "ResponseAudioDeltaEvent": ".response_audio_delta_event",
    "ResponseAudioDoneEvent": ".response_audio_done_event",
    "ResponseAudioTranscriptDeltaEvent": ".response_audio_transcript_delta_event",
    "ResponseAudioTranscriptDoneEvent": ".response_audio_transcript_done_event",
    "ResponseCodeInterpreterCallCodeDeltaEvent": ".response_code_interpreter_call_code_delta_event",
    "ResponseCodeInterpreterCallCodeDoneEvent": ".response_code_interpreter_call_code_done_event",
    "ResponseCodeInterpreterCallCompletedEvent": ".response_code_interpreter_call_completed_event",
    "ResponseCodeInterpreterCallInProgressEvent": ".response_code_interpreter_call_in_progress_event",
    "ResponseCodeInterpreterCallInterpretingEvent": ".response_code_interpreter_call_interpreting_event",
    "ResponseCodeInterpreterToolCall": ".response_code_interpreter_tool_call",
    "ResponseCodeInterpreterToolCallParam": ".response_code_interpreter_tool_call_param",
    "ResponseCompactionCompactingEvent": ".response_compaction_compacting_event",
    "ResponseCompactionItem": ".response_compaction_item",
    "ResponseCompactionItemParam": ".response_compaction_item_param",
    "ResponseCompactionItemParamParam": ".response_compaction_item_param_param",
    "ResponseCompletedEvent": ".response_completed_event",
    "ResponseComputerToolCall": ".response_computer_tool_call",
    "ResponseComputerToolCallOutputItem": ".response_computer_tool_call_output_item",
    "ResponseComputerToolCallOutputScreenshot": ".response_computer_tool_call_output_screenshot",
    "ResponseComputerToolCallOutputScreenshotParam": ".response_computer_tool_call_output_screenshot_param",
    "ResponseComputerToolCallParam": ".response_computer_tool_call_param",
    "ResponseConfigurationUpdateItem": ".response_configuration_update_item",
    "ResponseConfigurationUpdateItemParam": ".response_configuration_update_item_param",
    "ResponseConfigurationUpdateItemParamParam": ".response_configuration_update_item_param_param",
    "ResponseContainerReference": ".response_container_reference",
    "ResponseContentPartAddedEvent": ".response_content_part_added_event",
    "ResponseContentPartDoneEvent": ".response_content_part_done_event",
    "ResponseConversationParam": ".response_conversation_param",
    "ResponseCreatedEvent": ".response_created_event",
    "ResponseCustomToolCall": ".response_custom_tool_call",
    "ResponseCustomToolCallInputDeltaEvent": ".response_custom_tool_call_input_delta_event",
    "ResponseCustomToolCallInputDoneEvent": ".response_custom_tool_call_input_done_event",
    "ResponseCustomToolCallItem": ".response_custom_tool_call_item",
    "ResponseCustomToolCallOutput": ".response_custom_tool_call_output",
    "ResponseCustomToolCallOutputItem": ".response_custom_tool_call_output_item",
    "ResponseCustomToolCallOutputParam": ".response_custom_tool_call_output_param",
    "ResponseCustomToolCallParam": ".response_custom_tool_call_param",
    "ResponseError": ".response_error",
    "ResponseErrorEvent": ".response_error_event",
    "ResponseFailedEvent": ".response_failed_event",
    "ResponseFileSearchCallCompletedEvent": ".response_file_search_call_completed_event",
    "ResponseFileSearchCallInProgressEvent": ".response_file_search_call_in_progress_event",
    "ResponseFileSearchCallSearchingEvent": ".response_file_search_call_searching_event",
    "ResponseFileSearchToolCall": ".response_file_search_tool_call",
    "ResponseFileSearchToolCallParam": ".response_file_search_tool_call_param",
    "ResponseFormatTextConfig": ".response_format_text_config",
    "ResponseFormatTextConfigParam": ".response_format_text_config_param",
    "ResponseFormatTextJSONSchemaConfig": ".response_format_text_json_schema_config",
    "ResponseFormatTextJSONSchemaConfigParam": ".response_format_text_json_schema_config_param",
    "ResponseFunctionCallArgumentsDeltaEvent": ".response_function_call_arguments_delta_event",
    "ResponseFunctionCallArgumentsDoneEvent": ".response_function_call_arguments_done_event",
    "ResponseFunctionShellCallOutputContent": ".response_function_shell_call_output_content",
    "ResponseFunctionShellCallOutputContentParam": ".response_function_shell_call_output_content_param",
    "ResponseFunctionShellToolCall": ".response_function_shell_tool_call",
    "ResponseFunctionShellToolCallOutput": ".response_function_shell_tool_call_output",
    "ResponseFunctionToolCall": ".response_function_tool_call",
    "ResponseFunctionToolCallItem": ".response_function_tool_call_item",
    "ResponseFunctionToolCallOutputItem": ".response_function_tool_call_output_item",
    "ResponseFunctionToolCallParam": ".response_function_tool_call_param",
    "ResponseFunctionWebSearch": ".response_function_web_search",
    "ResponseFunctionWebSearchParam": ".response_function_web_search_param",
    "ResponseImageGenCallCompletedEvent": ".response_image_gen_call_completed_event",
    "ResponseImageGenCallGeneratingEvent": ".response_image_gen_call_generating_event",
    "ResponseImageGenCallInProgressEvent": ".response_image_gen_call_in_progress_event",
    "ResponseImageGenCallPartialImageEvent": ".response_image_gen_call_partial_image_event",
    "ResponseInProgressEvent": ".response_in_progress_event",
    "ResponseIncludable": ".response_includable",
    "ResponseIncompleteEvent": ".response_incomplete_event",
    "ResponseInputAudio": ".response_input_audio",
    "ResponseInputAudioParam": ".response_input_audio_param",
    "ResponseInputContent": ".response_input_content",
    "ResponseInputFile": ".response_input_file",
    "ResponseInputFileContent": ".response_input_file_content",
    "ResponseInputFileContentParam": ".response_input_file_content_param",
    "ResponseInputFileParam": ".response_input_file_param",
    "ResponseInputImage": ".response_input_image",
    "ResponseInputImageContent": ".response_input_image_content",
    "ResponseInputImageContentParam": ".response_input_image_content_param",
    "ResponseInputImageParam": ".response_input_image_param",
    "ResponseInputItem": ".response_input_item",
    "ResponseInputItemParam": ".response_input_item_param",
    "ResponseInputMessageContentListParam": ".response_input_message_content_list_param",
    "ResponseInputMessageItem": ".response_input_message_item",
    "ResponseInputParam": ".response_input_param",
    "ResponseInputText": ".response_input_text",
    "ResponseInputTextContent": ".response_input_text_content",
    "ResponseInputTextContentParam": ".response_input_text_content_param",
    "ResponseInputTextParam": ".response_input_text_param",
    "ResponseItem": ".response_item",
    "ResponseLocalEnvironment": ".response_local_environment",
    "ResponseMcpCallArgumentsDeltaEvent": ".response_mcp_call_arguments_delta_event",
    "ResponseMcpCallArgumentsDoneEvent": ".response_mcp_call_arguments_done_event",
    "ResponseMcpCallCompletedEvent": ".response_mcp_call_completed_event",
    "ResponseMcpCallFailedEvent": ".response_mcp_call_failed_event",
    "ResponseMcpCallInProgressEvent": ".response_mcp_call_in_progress_event",
    "ResponseMcpListToolsCompletedEvent": ".response_mcp_list_tools_completed_event",
    "ResponseMcpListToolsFailedEvent": ".response_mcp_list_tools_failed_event",
    "ResponseMcpListToolsInProgressEvent": ".response_mcp_list_tools_in_progress_event",
    "ResponseOutputItem": ".response_output_item",
    "ResponseOutputItemAddedEvent": ".response_output_item_added_event",
    "ResponseOutputItemDoneEvent": ".response_output_item_done_event",
    "ResponseOutputMessage": ".response_output_message",
    "ResponseOutputMessageParam": ".response_output_message_param",
    "ResponseOutputRefusal": ".response_output_refusal",
    "ResponseOutputRefusalParam": ".response_output_refusal_param",
    "ResponseOutputText": ".response_output_text",
    "ResponseOutputTextAnnotationAddedEvent": ".response_output_text_annotation_added_event",
    "ResponseOutputTextParam": ".response_output_text_param",
    "ResponsePrompt": ".response_prompt",
    "ResponsePromptParam": ".response_prompt_param",
    "ResponseQueuedEvent": ".response_queued_event",
    "ResponseReasoningItem": ".response_reasoning_item",
    "ResponseReasoningItemParam": ".response_reasoning_item_param",
    "ResponseReasoningSummaryPartAddedEvent": ".response_reasoning_summary_part_added_event",
    "ResponseReasoningSummaryPartDoneEvent": ".response_reasoning_summary_part_done_event",
    "ResponseReasoningSummaryTextDeltaEvent": ".response_reasoning_summary_text_delta_event",
    "ResponseReasoningSummaryTextDoneEvent": ".response_reasoning_summary_text_done_event",
    "ResponseReasoningTextDeltaEvent": ".response_reasoning_text_delta_event",
    "ResponseReasoningTextDoneEvent": ".response_reasoning_text_done_event",
    "ResponseRefusalDeltaEvent": ".response_refusal_delta_event",
    "ResponseRefusalDoneEvent": ".response_refusal_done_event",
    "ResponseShellCallCommandAddedEvent": ".response_shell_call_command_added_event",
    "ResponseShellCallCommandDeltaEvent": ".response_shell_call_command_delta_event",
    "ResponseShellCallCommandDoneEvent": ".response_shell_call_command_done_event",
    "ResponseShellCallOutputContentDeltaEvent": ".response_shell_call_output_content_delta_event",
    "ResponseShellCallOutputContentDoneEvent": ".response_shell_call_output_content_done_event",
    "ResponseStatus": ".response_status",
    "ResponseStreamEvent": ".response_stream_event",
    "ResponseTextConfig": ".response_text_config",
    "ResponseTextConfigParam": ".response_text_config_param",
    "ResponseTextDeltaEvent": ".response_text_delta_event",
    "ResponseTextDoneEvent": ".response_text_done_event",
    "ResponseToolSearchCall": ".response_tool_search_call",
    "ResponseToolSearchOutputItem": ".response_tool_search_output_item",
    "ResponseToolSearchOutputItemParam": ".response_tool_search_output_item_param",
    "ResponseToolSearchOutputItemParamParam": ".response_tool_search_output_item_param_param",
    "ResponseUnknownEvent": ".response_stream_event_parsing",
    "ResponseUsage": ".response_usage",
    "ResponseWebSearchCallCompletedEvent": ".response_web_search_call_completed_event",
    "ResponseWebSearchCallInProgressEvent": ".response_web_search_call_in_progress_event",
    "ResponseWebSearchCallSearchingEvent": ".response_web_search_call_searching_event",
    "SkillReference": ".skill_reference",
    "SkillReferenceParam": ".skill_reference_param",
    "Tool": ".tool",
    "ToolChoiceAllowed": ".tool_choice_allowed",
    "ToolChoiceApplyPatch": ".tool_choice_apply_patch",
    "ToolChoiceCustom": ".tool_choice_custom",
    "ToolChoiceFunction": ".tool_choice_function",
    "ToolChoiceFunctionParam": ".tool_choice_function_param",
    "ToolChoiceMcp": ".tool_choice_mcp",
    "ToolChoiceOptions": ".tool_choice_options",
    "ToolChoiceShell": ".tool_choice_shell",
    "ToolChoiceTypes": ".tool_choice_types",
    "ToolParam": ".tool_param",
    "ToolSearchOutputNamespaceTool": ".tool_search_output_namespace_tool",
    "ToolSearchOutputNamespaceToolParam": ".tool_search_output_namespace_tool_param",
    "ToolSearchTool": ".tool_search_tool",
    "ToolSearchToolParam": ".tool_search_tool_param",
    "WebSearchPreviewTool": ".web_search_preview_tool",
    "WebSearchPreviewToolParam": ".web_search_preview_tool_param",
    "WebSearchTool": ".web_search_tool",
    "WebSearchToolParam": ".web_search_tool_param",
    "parse_response_stream_event": ".response_stream_event_parsing",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = ()


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
