"""API types mirroring `openai.types.shared.response_format_text_grammar`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseFormatTextGrammar"]


class ResponseFormatTextGrammar(BaseModel):
    grammar: str
    type: Literal["grammar"]
