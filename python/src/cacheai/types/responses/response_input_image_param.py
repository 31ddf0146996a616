"""API types mirroring `openai.types.responses.response_input_image_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["PromptCacheBreakpoint", "ResponseInputImageParam"]


class PromptCacheBreakpoint(TypedDict, total=False):
    mode: Required[Literal["explicit"]]
    ttl: Literal["30m", "12h"]


class ResponseInputImageParam(TypedDict, total=False):
    detail: Required[Literal["low", "high", "auto", "original"]]
    type: Required[Literal["input_image"]]
    file_id: str | None
    image_url: str | None
    prompt_cache_breakpoint: PromptCacheBreakpoint
