"""API types mirroring `openai.types.responses.response_status`."""

from typing import Literal, TypeAlias

__all__ = ["ResponseStatus"]


ResponseStatus: TypeAlias = Literal["completed", "failed", "in_progress", "cancelled", "queued", "incomplete"]
