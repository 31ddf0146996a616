"""API types mirroring `openai.types.file_chunking_strategy_param`."""

from typing import TypeAlias

from .auto_file_chunking_strategy_param import AutoFileChunkingStrategyParam
from .static_file_chunking_strategy_object_param import StaticFileChunkingStrategyObjectParam

__all__ = ["FileChunkingStrategyParam"]


FileChunkingStrategyParam: TypeAlias = AutoFileChunkingStrategyParam | StaticFileChunkingStrategyObjectParam
