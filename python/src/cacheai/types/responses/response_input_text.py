"""API types mirroring `openai.types.responses.response_input_text`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["PromptCacheBreakpoint", "ResponseInputText"]


class PromptCacheBreakpoint(BaseModel):
    mode: Literal["explicit"]
    ttl: Literal["30m", "12h"] | None = None


class ResponseInputText(BaseModel):
    text: str
    type: Literal["input_text"]
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
