"""API types mirroring `openai.types.responses.response_input_image`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["PromptCacheBreakpoint", "ResponseInputImage"]


class PromptCacheBreakpoint(BaseModel):
    mode: Literal["explicit"]
    ttl: Literal["30m", "12h"] | None = None


class ResponseInputImage(BaseModel):
    detail: Literal["low", "high", "auto", "original"]
    type: Literal["input_image"]
    file_id: str | None = None
    image_url: str | None = None
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
