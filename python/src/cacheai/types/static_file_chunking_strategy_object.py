"""API types mirroring `openai.types.static_file_chunking_strategy_object`."""

from typing import Literal

from .._models import BaseModel
from .static_file_chunking_strategy import StaticFileChunkingStrategy

__all__ = ["StaticFileChunkingStrategyObject"]


class StaticFileChunkingStrategyObject(BaseModel):
    static: StaticFileChunkingStrategy
    type: Literal["static"]
