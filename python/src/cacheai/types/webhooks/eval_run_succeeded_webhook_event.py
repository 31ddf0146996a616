"""API types mirroring `openai.types.webhooks.eval_run_succeeded_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "EvalRunSucceededWebhookEvent"]


class Data(BaseModel):
    id: str


class EvalRunSucceededWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["eval.run.succeeded"]
    object: Literal["event"] | None = None
