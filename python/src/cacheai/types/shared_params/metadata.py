"""API types mirroring `openai.types.shared_params.metadata`."""

from typing import TypeAlias

__all__ = ["Metadata"]


Metadata: TypeAlias = dict[str, str]
