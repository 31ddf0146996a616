"""API types mirroring `openai.types.responses.response_format_text_config_param`."""

from typing import TypeAlias

from ..shared_params.response_format_json_object import ResponseFormatJSONObject
from ..shared_params.response_format_text import ResponseFormatText
from .response_format_text_json_schema_config_param import ResponseFormatTextJSONSchemaConfigParam

__all__ = ["ResponseFormatTextConfigParam"]


ResponseFormatTextConfigParam: TypeAlias = (
    ResponseFormatText | ResponseFormatTextJSONSchemaConfigParam | ResponseFormatJSONObject
)
