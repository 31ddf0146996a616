"""API types mirroring `openai.types.responses.response_reasoning_item_param`."""

from collections.abc import Iterable
from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["Content", "ResponseReasoningItemParam", "Summary"]


class Summary(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["summary_text"]]


class Content(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["reasoning_text"]]


class ResponseReasoningItemParam(TypedDict, total=False):
    id: Required[str]
    summary: Required[Iterable[Summary]]
    type: Required[Literal["reasoning"]]
    content: Iterable[Content]
    encrypted_content: str | None
    status: Literal["in_progress", "completed", "incomplete"]
