"""API types mirroring `openai.types.static_file_chunking_strategy_object_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

from .static_file_chunking_strategy_param import StaticFileChunkingStrategyParam

__all__ = ["StaticFileChunkingStrategyObjectParam"]


class StaticFileChunkingStrategyObjectParam(TypedDict, total=False):
    static: Required[StaticFileChunkingStrategyParam]
    type: Required[Literal["static"]]
