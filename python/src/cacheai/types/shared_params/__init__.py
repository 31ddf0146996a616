"""Request parameter shapes shared by several endpoints.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .chat_model import ChatModel
    from .comparison_filter import ComparisonFilter
    from .compound_filter import CompoundFilter
    from .custom_tool_input_format import CustomToolInputFormat
    from .decision_input_json import DecisionInputJSON
    from .decision_question_input_image import DecisionQuestionInputImage
    from .decision_question_input_part import DecisionQuestionInputPart
    from .decision_question_input_text import DecisionQuestionInputText
    from .function_definition import FunctionDefinition
    from .function_parameters import FunctionParameters
    from .metadata import Metadata
    from .oauth_error_code import OAuthErrorCode
    from .reasoning import Reasoning
    from .reasoning_effort import ReasoningEffort
    from .response_format_json_object import ResponseFormatJSONObject
    from .response_format_json_schema import ResponseFormatJSONSchema
    from .response_format_text import ResponseFormatText
    from .responses_model import ResponsesModel

__all__ = [
    "ChatModel",
    "ComparisonFilter",
    "CompoundFilter",
    "CustomToolInputFormat",
    "DecisionInputJSON",
    "DecisionQuestionInputImage",
    "DecisionQuestionInputPart",
    "DecisionQuestionInputText",
    "FunctionDefinition",
    "FunctionParameters",
    "Metadata",
    "OAuthErrorCode",
    "Reasoning",
    "ReasoningEffort",
    "ResponseFormatJSONObject",
    "ResponseFormatJSONSchema",
    "ResponseFormatText",
    "ResponsesModel",
]

_MODULE_OF: dict[str, str] = {
    "ChatModel": ".chat_model",
    "ComparisonFilter": ".comparison_filter",
    "CompoundFilter": ".compound_filter",
    "CustomToolInputFormat": ".custom_tool_input_format",
    "DecisionInputJSON": ".decision_input_json",
    "DecisionQuestionInputImage": ".decision_question_input_image",
    "DecisionQuestionInputPart": ".decision_question_input_part",
    "DecisionQuestionInputText": ".decision_question_input_text",
    "FunctionDefinition": ".function_definition",
    "FunctionParameters": ".function_parameters",
    "Metadata": ".metadata",
    "OAuthErrorCode": ".oauth_error_code",
    "Reasoning": ".reasoning",
    "ReasoningEffort": ".reasoning_effort",
    "ResponseFormatJSONObject": ".response_format_json_object",
    "ResponseFormatJSONSchema": ".response_format_json_schema",
    "ResponseFormatText": ".response_format_text",
    "ResponsesModel": ".responses_model",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = ()


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
