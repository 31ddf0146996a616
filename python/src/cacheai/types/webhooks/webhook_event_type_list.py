"""API types mirroring `openai.types.webhooks.webhook_event_type_list`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["WebhookEventTypeList"]


class WebhookEventTypeList(BaseModel):
    data: list[str]
    object: Literal["list"]
