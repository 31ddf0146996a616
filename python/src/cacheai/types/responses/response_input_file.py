"""API types mirroring `openai.types.responses.response_input_file`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["PromptCacheBreakpoint", "ResponseInputFile"]


class PromptCacheBreakpoint(BaseModel):
    mode: Literal["explicit"]
    ttl: Literal["30m", "12h"] | None = None


class ResponseInputFile(BaseModel):
    type: Literal["input_file"]
    detail: Literal["auto", "low", "high"] | None = None
    file_data: str | None = None
    file_id: str | None = None
    file_url: str | None = None
    filename: str | None = None
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
