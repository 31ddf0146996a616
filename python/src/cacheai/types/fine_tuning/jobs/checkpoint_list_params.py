"""API types mirroring `openai.types.fine_tuning.jobs.checkpoint_list_params`."""

from typing_extensions import TypedDict

__all__ = ["CheckpointListParams"]


class CheckpointListParams(TypedDict, total=False):
    after: str
    limit: int
