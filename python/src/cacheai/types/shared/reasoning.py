"""API types mirroring `openai.types.shared.reasoning`."""

from typing import Literal

from ..._models import BaseModel
from .reasoning_effort import ReasoningEffort

__all__ = ["Reasoning"]


class Reasoning(BaseModel):
    context: Literal["auto", "current_turn", "all_turns"] | None = None
    effort: ReasoningEffort | None = None
    generate_summary: Literal["auto", "concise", "detailed"] | None = None
    mode: str | Literal["standard", "pro"] | None = None
    summary: Literal["auto", "concise", "detailed"] | None = None
