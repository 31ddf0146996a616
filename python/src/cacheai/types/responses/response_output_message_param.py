"""API types mirroring `openai.types.responses.response_output_message_param`."""

from collections.abc import Iterable
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from .response_output_refusal_param import ResponseOutputRefusalParam
from .response_output_text_param import ResponseOutputTextParam

__all__ = ["Content", "ResponseOutputMessageParam"]


Content: TypeAlias = ResponseOutputTextParam | ResponseOutputRefusalParam


class ResponseOutputMessageParam(TypedDict, total=False):
    id: Required[str]
    content: Required[Iterable[Content]]
    role: Required[Literal["assistant"]]
    status: Required[Literal["in_progress", "completed", "incomplete"]]
    type: Required[Literal["message"]]
    phase: Literal["commentary", "final_answer"] | None
