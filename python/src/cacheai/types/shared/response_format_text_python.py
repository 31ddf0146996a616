"""API types mirroring `openai.types.shared.response_format_text_python`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseFormatTextPython"]


class ResponseFormatTextPython(BaseModel):
    type: Literal["python"]
