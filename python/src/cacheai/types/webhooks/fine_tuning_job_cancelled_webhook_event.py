"""API types mirroring `openai.types.webhooks.fine_tuning_job_cancelled_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "FineTuningJobCancelledWebhookEvent"]


class Data(BaseModel):
    id: str


class FineTuningJobCancelledWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["fine_tuning.job.cancelled"]
    object: Literal["event"] | None = None
