"""API types mirroring `openai.types.webhooks.fine_tuning_job_failed_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "FineTuningJobFailedWebhookEvent"]


class Data(BaseModel):
    id: str


class FineTuningJobFailedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["fine_tuning.job.failed"]
    object: Literal["event"] | None = None
