"""API types mirroring `openai.types.webhooks.eval_run_canceled_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "EvalRunCanceledWebhookEvent"]


class Data(BaseModel):
    id: str


class EvalRunCanceledWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["eval.run.canceled"]
    object: Literal["event"] | None = None
