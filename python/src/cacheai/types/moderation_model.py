"""API types mirroring `openai.types.moderation_model`."""

from typing import Literal, TypeAlias

__all__ = ["ModerationModel"]


ModerationModel: TypeAlias = Literal[
    "omni-moderation-latest", "omni-moderation-2024-09-26", "text-moderation-latest", "text-moderation-stable"
]
