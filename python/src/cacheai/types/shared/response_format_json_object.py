"""API types mirroring `openai.types.shared.response_format_json_object`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseFormatJSONObject"]


class ResponseFormatJSONObject(BaseModel):
    type: Literal["json_object"]
