"""API types mirroring `openai.types.chat.chat_completion_content_part_text_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ChatCompletionContentPartTextParam", "PromptCacheBreakpoint"]


class PromptCacheBreakpoint(TypedDict, total=False):
    mode: Required[Literal["explicit"]]
    ttl: Literal["30m", "12h"]


class ChatCompletionContentPartTextParam(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["text"]]
    prompt_cache_breakpoint: PromptCacheBreakpoint
