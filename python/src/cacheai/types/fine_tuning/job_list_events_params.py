"""API types mirroring `openai.types.fine_tuning.job_list_events_params`."""

from typing_extensions import TypedDict

__all__ = ["JobListEventsParams"]


class JobListEventsParams(TypedDict, total=False):
    after: str
    limit: int
