"""API types mirroring `openai.types.responses.response_configuration_update_item`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from ..shared.reasoning_effort import ReasoningEffort
from ..shared.response_format_text import ResponseFormatText
from .response_format_text_json_schema_config import ResponseFormatTextJSONSchemaConfig

__all__ = ["Reasoning", "ResponseConfigurationUpdateItem", "Text", "TextFormat"]


class Reasoning(BaseModel):
    effort: ReasoningEffort | None = None


TextFormat: TypeAlias = Annotated[ResponseFormatText | ResponseFormatTextJSONSchemaConfig, Field(discriminator="type")]


class Text(BaseModel):
    format: TextFormat


class ResponseConfigurationUpdateItem(BaseModel):
    id: str
    type: Literal["configuration_update"]
    reasoning: Reasoning | None = None
    text: Text | None = None
