"""API types mirroring `openai.types.shared_params.custom_tool_input_format`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

__all__ = ["CustomToolInputFormat", "Grammar", "Text"]


class Text(TypedDict, total=False):
    type: Required[Literal["text"]]


class Grammar(TypedDict, total=False):
    definition: Required[str]
    syntax: Required[Literal["lark", "regex"]]
    type: Required[Literal["grammar"]]


CustomToolInputFormat: TypeAlias = Text | Grammar
