"""Re-exported from ``cacheai.types.shared.reasoning_effort`` (one definition, as in openai)."""

from ..shared.reasoning_effort import ReasoningEffort

__all__ = ["ReasoningEffort"]
