"""API types mirroring `openai.types.auto_file_chunking_strategy_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["AutoFileChunkingStrategyParam"]


class AutoFileChunkingStrategyParam(TypedDict, total=False):
    type: Required[Literal["auto"]]
