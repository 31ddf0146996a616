"""API types mirroring `openai.types.other_file_chunking_strategy_object`."""

from typing import Literal

from .._models import BaseModel

__all__ = ["OtherFileChunkingStrategyObject"]


class OtherFileChunkingStrategyObject(BaseModel):
    type: Literal["other"]
