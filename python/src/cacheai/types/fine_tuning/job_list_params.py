"""API types mirroring `openai.types.fine_tuning.job_list_params`."""

from typing_extensions import TypedDict

__all__ = ["JobListParams"]


class JobListParams(TypedDict, total=False):
    after: str
    limit: int
    metadata: dict[str, str] | None
