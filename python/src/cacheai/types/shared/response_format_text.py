"""API types mirroring `openai.types.shared.response_format_text`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseFormatText"]


class ResponseFormatText(BaseModel):
    type: Literal["text"]
