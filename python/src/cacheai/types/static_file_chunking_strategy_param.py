"""API types mirroring `openai.types.static_file_chunking_strategy_param`."""

from typing_extensions import Required, TypedDict

__all__ = ["StaticFileChunkingStrategyParam"]


class StaticFileChunkingStrategyParam(TypedDict, total=False):
    chunk_overlap_tokens: Required[int]
    max_chunk_size_tokens: Required[int]
