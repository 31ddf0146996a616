"""Chat completion types (responses, stream chunks and request parameters).

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .chat_completion import ChatCompletion
    from .chat_completion_allowed_tool_choice_param import ChatCompletionAllowedToolChoiceParam
    from .chat_completion_allowed_tools_param import ChatCompletionAllowedToolsParam
    from .chat_completion_assistant_message_param import ChatCompletionAssistantMessageParam
    from .chat_completion_audio import ChatCompletionAudio
    from .chat_completion_audio_param import ChatCompletionAudioParam
    from .chat_completion_chunk import ChatCompletionChunk
    from .chat_completion_content_part_image import ChatCompletionContentPartImage
    from .chat_completion_content_part_image_param import ChatCompletionContentPartImageParam
    from .chat_completion_content_part_input_audio_param import ChatCompletionContentPartInputAudioParam
    from .chat_completion_content_part_param import ChatCompletionContentPartParam
    from .chat_completion_content_part_refusal_param import ChatCompletionContentPartRefusalParam
    from .chat_completion_content_part_text import ChatCompletionContentPartText
    from .chat_completion_content_part_text_param import ChatCompletionContentPartTextParam
    from .chat_completion_custom_tool_param import ChatCompletionCustomToolParam
    from .chat_completion_deleted import ChatCompletionDeleted
    from .chat_completion_developer_message_param import ChatCompletionDeveloperMessageParam
    from .chat_completion_function_call_option_param import ChatCompletionFunctionCallOptionParam
    from .chat_completion_function_message_param import ChatCompletionFunctionMessageParam
    from .chat_completion_function_tool import ChatCompletionFunctionTool
    from .chat_completion_function_tool_param import ChatCompletionFunctionToolParam
    from .chat_completion_message import ChatCompletionMessage
    from .chat_completion_message_custom_tool_call import ChatCompletionMessageCustomToolCall
    from .chat_completion_message_custom_tool_call_param import ChatCompletionMessageCustomToolCallParam
    from .chat_completion_message_function_tool_call import ChatCompletionMessageFunctionToolCall
    from .chat_completion_message_function_tool_call_param import ChatCompletionMessageFunctionToolCallParam
    from .chat_completion_message_param import ChatCompletionMessageParam
    from .chat_completion_message_tool_call import ChatCompletionMessageToolCall, ChatCompletionMessageToolCallUnion
    from .chat_completion_message_tool_call_param import ChatCompletionMessageToolCallParam
    from .chat_completion_message_tool_call_union_param import ChatCompletionMessageToolCallUnionParam
    from .chat_completion_modality import ChatCompletionModality
    from .chat_completion_named_tool_choice_custom_param import ChatCompletionNamedToolChoiceCustomParam
    from .chat_completion_named_tool_choice_param import ChatCompletionNamedToolChoiceParam
    from .chat_completion_prediction_content_param import ChatCompletionPredictionContentParam
    from .chat_completion_reasoning_effort import ChatCompletionReasoningEffort
    from .chat_completion_role import ChatCompletionRole
    from .chat_completion_store_message import ChatCompletionStoreMessage
    from .chat_completion_stream_options_param import ChatCompletionStreamOptionsParam
    from .chat_completion_system_message_param import ChatCompletionSystemMessageParam
    from .chat_completion_token_logprob import ChatCompletionTokenLogprob
    from .chat_completion_tool_choice_option_param import ChatCompletionToolChoiceOptionParam
    from .chat_completion_tool_message_param import ChatCompletionToolMessageParam
    from .chat_completion_tool_param import ChatCompletionToolParam
    from .chat_completion_tool_union_param import ChatCompletionToolUnionParam
    from .chat_completion_user_message_param import ChatCompletionUserMessageParam
    from .completion_create_params import CompletionCreateParams

__all__ = [
    "ChatCompletion",
    "ChatCompletionAllowedToolChoiceParam",
    "ChatCompletionAllowedToolsParam",
    "ChatCompletionAssistantMessageParam",
    "ChatCompletionAudio",
    "ChatCompletionAudioParam",
    "ChatCompletionChunk",
    "ChatCompletionContentPartImage",
    "ChatCompletionContentPartImageParam",
    "ChatCompletionContentPartInputAudioParam",
    "ChatCompletionContentPartParam",
    "ChatCompletionContentPartRefusalParam",
    "ChatCompletionContentPartText",
    "ChatCompletionContentPartTextParam",
    "ChatCompletionCustomToolParam",
    "ChatCompletionDeleted",
    "ChatCompletionDeveloperMessageParam",
    "ChatCompletionFunctionCallOptionParam",
    "ChatCompletionFunctionMessageParam",
    "ChatCompletionFunctionTool",
    "ChatCompletionFunctionToolParam",
    "ChatCompletionMessage",
    "ChatCompletionMessageCustomToolCall",
    "ChatCompletionMessageCustomToolCallParam",
    "ChatCompletionMessageFunctionToolCall",
    "ChatCompletionMessageFunctionToolCallParam",
    "ChatCompletionMessageParam",
    "ChatCompletionMessageToolCall",
    "ChatCompletionMessageToolCallParam",
    "ChatCompletionMessageToolCallUnion",
    "ChatCompletionMessageToolCallUnionParam",
    "ChatCompletionModality",
    "ChatCompletionNamedToolChoiceCustomParam",
    "ChatCompletionNamedToolChoiceParam",
    "ChatCompletionPredictionContentParam",
    "ChatCompletionReasoningEffort",
    "ChatCompletionRole",
    "ChatCompletionStoreMessage",
    "ChatCompletionStreamOptionsParam",
    "ChatCompletionSystemMessageParam",
    "ChatCompletionTokenLogprob",
    "ChatCompletionToolChoiceOptionParam",
    "ChatCompletionToolMessageParam",
    "ChatCompletionToolParam",
    "ChatCompletionToolUnionParam",
    "ChatCompletionUserMessageParam",
    "CompletionCreateParams",
]

_MODULE_OF: dict[str, str] = {
    "ChatCompletion": ".chat_completion",
    "ChatCompletionAllowedToolChoiceParam": ".chat_completion_allowed_tool_choice_param",
    "ChatCompletionAllowedToolsParam": ".chat_completion_allowed_tools_param",
    "ChatCompletionAssistantMessageParam": ".chat_completion_assistant_message_param",
    "ChatCompletionAudio": ".chat_completion_audio",
    "ChatCompletionAudioParam": ".chat_completion_audio_param",
    "ChatCompletionChunk": ".chat_completion_chunk",
    "ChatCompletionContentPartImage": ".chat_completion_content_part_image",
    "ChatCompletionContentPartImageParam": ".chat_completion_content_part_image_param",
    "ChatCompletionContentPartInputAudioParam": ".chat_completion_content_part_input_audio_param",
    "ChatCompletionContentPartParam": ".chat_completion_content_part_param",
    "ChatCompletionContentPartRefusalParam": ".chat_completion_content_part_refusal_param",
    "ChatCompletionContentPartText": ".chat_completion_content_part_text",
    "ChatCompletionContentPartTextParam": ".chat_completion_content_part_text_param",
    "ChatCompletionCustomToolParam": ".chat_completion_custom_tool_param",
    "ChatCompletionDeleted": ".chat_completion_deleted",
    "ChatCompletionDeveloperMessageParam": ".chat_completion_developer_message_param",
    "ChatCompletionFunctionCallOptionParam": ".chat_completion_function_call_option_param",
    "ChatCompletionFunctionMessageParam": ".chat_completion_function_message_param",
    "ChatCompletionFunctionTool": ".chat_completion_function_tool",
    "ChatCompletionFunctionToolParam": ".chat_completion_function_tool_param",
    "ChatCompletionMessage": ".chat_completion_message",
    "ChatCompletionMessageCustomToolCall": ".chat_completion_message_custom_tool_call",
    "ChatCompletionMessageCustomToolCallParam": ".chat_completion_message_custom_tool_call_param",
    "ChatCompletionMessageFunctionToolCall": ".chat_completion_message_function_tool_call",
    "ChatCompletionMessageFunctionToolCallParam": ".chat_completion_message_function_tool_call_param",
    "ChatCompletionMessageParam": ".chat_completion_message_param",
    "ChatCompletionMessageToolCall": ".chat_completion_message_tool_call",
    "ChatCompletionMessageToolCallParam": ".chat_completion_message_tool_call_param",
    "ChatCompletionMessageToolCallUnion": ".chat_completion_message_tool_call",
    "ChatCompletionMessageToolCallUnionParam": ".chat_completion_message_tool_call_union_param",
    "ChatCompletionModality": ".chat_completion_modality",
    "ChatCompletionNamedToolChoiceCustomParam": ".chat_completion_named_tool_choice_custom_param",
    "ChatCompletionNamedToolChoiceParam": ".chat_completion_named_tool_choice_param",
    "ChatCompletionPredictionContentParam": ".chat_completion_prediction_content_param",
    "ChatCompletionReasoningEffort": ".chat_completion_reasoning_effort",
    "ChatCompletionRole": ".chat_completion_role",
    "ChatCompletionStoreMessage": ".chat_completion_store_message",
    "ChatCompletionStreamOptionsParam": ".chat_completion_stream_options_param",
    "ChatCompletionSystemMessageParam": ".chat_completion_system_message_param",
    "ChatCompletionTokenLogprob": ".chat_completion_token_logprob",
    "ChatCompletionToolChoiceOptionParam": ".chat_completion_tool_choice_option_param",
    "ChatCompletionToolMessageParam": ".chat_completion_tool_message_param",
    "ChatCompletionToolParam": ".chat_completion_tool_param",
    "ChatCompletionToolUnionParam": ".chat_completion_tool_union_param",
    "ChatCompletionUserMessageParam": ".chat_completion_user_message_param",
    "CompletionCreateParams": ".completion_create_params",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = ()


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
