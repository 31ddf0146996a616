"""API types mirroring `openai.types.static_file_chunking_strategy`."""

from .._models import BaseModel

__all__ = ["StaticFileChunkingStrategy"]


class StaticFileChunkingStrategy(BaseModel):
    chunk_overlap_tokens: int
    max_chunk_size_tokens: int
