"""API types mirroring `openai.types.responses.response_text_delta_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Logprob", "LogprobTopLogprob", "ResponseTextDeltaEvent"]


class LogprobTopLogprob(BaseModel):
    token: str | None = None
    logprob: float | None = None


class Logprob(BaseModel):
    token: str
    logprob: float
    top_logprobs: list[LogprobTopLogprob] | None = None


class ResponseTextDeltaEvent(BaseModel):
    content_index: int
    delta: str
    item_id: str
    logprobs: list[Logprob]
    output_index: int
    sequence_number: int
    type: Literal["response.output_text.delta"]
