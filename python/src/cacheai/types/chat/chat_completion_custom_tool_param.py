"""API types mirroring `openai.types.chat.chat_completion_custom_tool_param`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

__all__ = [
    "ChatCompletionCustomToolParam",
    "Custom",
    "CustomFormat",
    "CustomFormatGrammar",
    "CustomFormatGrammarGrammar",
    "CustomFormatText",
]


class CustomFormatText(TypedDict, total=False):
    type: Required[Literal["text"]]


class CustomFormatGrammarGrammar(TypedDict, total=False):
    definition: Required[str]
    syntax: Required[Literal["lark", "regex"]]


class CustomFormatGrammar(TypedDict, total=False):
    grammar: Required[CustomFormatGrammarGrammar]
    type: Required[Literal["grammar"]]


CustomFormat: TypeAlias = CustomFormatText | CustomFormatGrammar


class Custom(TypedDict, total=False):
    name: Required[str]
    description: str
    format: CustomFormat


class ChatCompletionCustomToolParam(TypedDict, total=False):
    custom: Required[Custom]
    type: Required[Literal["custom"]]
