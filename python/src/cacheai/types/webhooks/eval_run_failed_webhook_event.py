"""API types mirroring `openai.types.webhooks.eval_run_failed_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "EvalRunFailedWebhookEvent"]


class Data(BaseModel):
    id: str


class EvalRunFailedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["eval.run.failed"]
    object: Literal["event"] | None = None
