"""API types mirroring `openai.types.shared.custom_tool_input_format`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel

__all__ = ["CustomToolInputFormat", "Grammar", "Text"]


class Text(BaseModel):
    type: Literal["text"]


class Grammar(BaseModel):
    definition: str
    syntax: Literal["lark", "regex"]
    type: Literal["grammar"]


CustomToolInputFormat: TypeAlias = Annotated[Text | Grammar, Field(discriminator="type")]
