"""API types mirroring `openai.types.responses.response_input_text_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["PromptCacheBreakpoint", "ResponseInputTextParam"]


class PromptCacheBreakpoint(TypedDict, total=False):
    mode: Required[Literal["explicit"]]
    ttl: Literal["30m", "12h"]


class ResponseInputTextParam(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["input_text"]]
    prompt_cache_breakpoint: PromptCacheBreakpoint
