"""API types mirroring `openai.types.responses.response_input_image_content`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["PromptCacheBreakpoint", "ResponseInputImageContent"]


class PromptCacheBreakpoint(BaseModel):
    mode: Literal["explicit"]
    ttl: Literal["30m", "12h"] | None = None


class ResponseInputImageContent(BaseModel):
    type: Literal["input_image"]
    detail: Literal["low", "high", "auto", "original"] | None = None
    file_id: str | None = None
    image_url: str | None = None
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
