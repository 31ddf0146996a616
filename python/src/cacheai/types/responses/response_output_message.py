"""API types mirroring `openai.types.responses.response_output_message`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel
from .response_output_refusal import ResponseOutputRefusal
from .response_output_text import ResponseOutputText

__all__ = ["Content", "ResponseOutputMessage"]


Content: TypeAlias = Annotated[ResponseOutputText | ResponseOutputRefusal, Field(discriminator="type")]


class ResponseOutputMessage(BaseModel):
    """An assistant message among a response's output items."""

    id: str
    content: list[Content]
    role: Literal["assistant"]
    status: Literal["in_progress", "completed", "incomplete"]
    type: Literal["message"]
    phase: Literal["commentary", "final_answer"] | None = None
