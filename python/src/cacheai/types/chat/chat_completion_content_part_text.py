"""API types mirroring `openai.types.chat.chat_completion_content_part_text`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ChatCompletionContentPartText", "PromptCacheBreakpoint"]


class PromptCacheBreakpoint(BaseModel):
    mode: Literal["explicit"]
    ttl: Literal["30m", "12h"] | None = None


class ChatCompletionContentPartText(BaseModel):
    text: str
    type: Literal["text"]
    prompt_cache_breakpoint: PromptCacheBreakpoint | None = None
