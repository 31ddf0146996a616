"""API types mirroring `openai.types.responses.response_configuration_update_item_param_param`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from ..shared.reasoning_effort import ReasoningEffort
from ..shared_params.response_format_text import ResponseFormatText
from .response_format_text_json_schema_config_param import ResponseFormatTextJSONSchemaConfigParam

__all__ = ["Reasoning", "ResponseConfigurationUpdateItemParamParam", "Text", "TextFormat"]


class Reasoning(TypedDict, total=False):
    effort: ReasoningEffort | None


TextFormat: TypeAlias = ResponseFormatText | ResponseFormatTextJSONSchemaConfigParam


class Text(TypedDict, total=False):
    format: Required[TextFormat]


class ResponseConfigurationUpdateItemParamParam(TypedDict, total=False):
    type: Required[Literal["configuration_update"]]
    id: str | None
    reasoning: Reasoning
    text: Text
