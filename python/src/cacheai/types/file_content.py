"""API types mirroring `openai.types.file_content`."""

from typing import TypeAlias

__all__ = ["FileContent"]


FileContent: TypeAlias = str
