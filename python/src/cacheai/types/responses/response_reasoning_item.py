"""API types mirroring `openai.types.responses.response_reasoning_item`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Content", "ResponseReasoningItem", "Summary"]


class Summary(BaseModel):
    text: str
    type: Literal["summary_text"]


class Content(BaseModel):
    text: str
    type: Literal["reasoning_text"]


class ResponseReasoningItem(BaseModel):
    id: str
    summary: list[Summary]
    type: Literal["reasoning"]
    content: list[Content] | None = None
    encrypted_content: str | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None
