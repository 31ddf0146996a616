"""Re-exported from ``cacheai.types.shared.metadata`` (one definition, as in openai)."""

from ..shared.metadata import Metadata

__all__ = ["Metadata"]
