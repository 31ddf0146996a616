"""API types mirroring `openai.types.responses.response_input_image_content_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["PromptCacheBreakpoint", "ResponseInputImageContentParam"]


class PromptCacheBreakpoint(TypedDict, total=False):
    mode: Required[Literal["explicit"]]
    ttl: Literal["30m", "12h"]


class ResponseInputImageContentParam(TypedDict, total=False):
    type: Required[Literal["input_image"]]
    detail: Literal["low", "high", "auto", "original"] | None
    file_id: str | None
    image_url: str | None
    prompt_cache_breakpoint: PromptCacheBreakpoint | None
