"""API types mirroring `openai.types.shared_params.reasoning`."""

from typing import Literal

from typing_extensions import TypedDict

from ..shared.reasoning_effort import ReasoningEffort

__all__ = ["Reasoning"]


class Reasoning(TypedDict, total=False):
    context: Literal["auto", "current_turn", "all_turns"] | None
    effort: ReasoningEffort | None
    generate_summary: Literal["auto", "concise", "detailed"] | None
    mode: str | Literal["standard", "pro"]
    summary: Literal["auto", "concise", "detailed"] | None
