"""API types mirroring `openai.types.responses.response_input_file_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["PromptCacheBreakpoint", "ResponseInputFileParam"]


class PromptCacheBreakpoint(TypedDict, total=False):
    mode: Required[Literal["explicit"]]
    ttl: Literal["30m", "12h"]


class ResponseInputFileParam(TypedDict, total=False):
    type: Required[Literal["input_file"]]
    detail: Literal["auto", "low", "high"]
    file_data: str
    file_id: str | None
    file_url: str
    filename: str
    prompt_cache_breakpoint: PromptCacheBreakpoint
