"""API types mirroring `openai.types.fine_tuning.fine_tuning_job_event`."""

import builtins
from typing import Literal

from ..._models import BaseModel

__all__ = ["FineTuningJobEvent"]


class FineTuningJobEvent(BaseModel):
    id: str
    created_at: int
    level: Literal["info", "warn", "error"]
    message: str
    object: Literal["fine_tuning.job.event"]
    data: builtins.object | None = None
    type: Literal["message", "metrics"] | None = None
