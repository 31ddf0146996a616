"""API types mirroring `openai.types.webhooks.fine_tuning_job_succeeded_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "FineTuningJobSucceededWebhookEvent"]


class Data(BaseModel):
    id: str


class FineTuningJobSucceededWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["fine_tuning.job.succeeded"]
    object: Literal["event"] | None = None
