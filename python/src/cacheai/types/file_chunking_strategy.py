"""API types mirroring `openai.types.file_chunking_strategy`."""

from typing import Annotated, TypeAlias

from pydantic import Field

from .other_file_chunking_strategy_object import OtherFileChunkingStrategyObject
from .static_file_chunking_strategy_object import StaticFileChunkingStrategyObject

__all__ = ["FileChunkingStrategy"]


FileChunkingStrategy: TypeAlias = Annotated[
    StaticFileChunkingStrategyObject | OtherFileChunkingStrategyObject, Field(discriminator="type")
]
