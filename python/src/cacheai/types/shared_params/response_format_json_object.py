"""API types mirroring `openai.types.shared_params.response_format_json_object`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ResponseFormatJSONObject"]


class ResponseFormatJSONObject(TypedDict, total=False):
    type: Required[Literal["json_object"]]
