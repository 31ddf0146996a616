"""API types mirroring `openai.types.responses.response_format_text_json_schema_config_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ResponseFormatTextJSONSchemaConfigParam"]


class ResponseFormatTextJSONSchemaConfigParam(TypedDict, total=False):
    name: Required[str]
    schema: Required[dict[str, object]]
    type: Required[Literal["json_schema"]]
    description: str
    strict: bool | None
