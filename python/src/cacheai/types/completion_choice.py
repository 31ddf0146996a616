"""API types mirroring `openai.types.completion_choice`."""

from typing import Literal

from .._models import BaseModel

__all__ = ["CompletionChoice", "Logprobs"]


class Logprobs(BaseModel):
    text_offset: list[int] | None = None
    token_logprobs: list[float] | None = None
    tokens: list[str] | None = None
    top_logprobs: list[dict[str, float]] | None = None


class CompletionChoice(BaseModel):
    """One generated alternative of a legacy text completion."""

    finish_reason: Literal["stop", "length", "content_filter"]
    index: int
    logprobs: Logprobs | None = None
    text: str
