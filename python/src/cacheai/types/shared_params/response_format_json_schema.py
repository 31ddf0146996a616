"""API types mirroring `openai.types.shared_params.response_format_json_schema`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["JSONSchema", "ResponseFormatJSONSchema"]


class JSONSchema(TypedDict, total=False):
    name: Required[str]
    description: str
    schema: dict[str, object]
    strict: bool | None


class ResponseFormatJSONSchema(TypedDict, total=False):
    json_schema: Required[JSONSchema]
    type: Required[Literal["json_schema"]]
