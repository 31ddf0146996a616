"""API types mirroring `openai.types.shared_params.reasoning_effort`."""

from typing import Literal, TypeAlias

__all__ = ["ReasoningEffort"]


ReasoningEffort: TypeAlias = Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"] | None
