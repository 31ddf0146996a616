"""API types mirroring `openai.types.responses.response_format_text_config`."""

from typing import Annotated, TypeAlias

from pydantic import Field

from ..shared.response_format_json_object import ResponseFormatJSONObject
from ..shared.response_format_text import ResponseFormatText
from .response_format_text_json_schema_config import ResponseFormatTextJSONSchemaConfig

__all__ = ["ResponseFormatTextConfig"]


ResponseFormatTextConfig: TypeAlias = Annotated[
    ResponseFormatText | ResponseFormatTextJSONSchemaConfig | ResponseFormatJSONObject, Field(discriminator="type")
]
