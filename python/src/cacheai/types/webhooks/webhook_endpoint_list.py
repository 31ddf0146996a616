"""API types mirroring `openai.types.webhooks.webhook_endpoint_list`."""

from typing import Literal

from ..._models import BaseModel
from .webhook_endpoint import WebhookEndpoint

__all__ = ["WebhookEndpointList"]


class WebhookEndpointList(BaseModel):
    data: list[WebhookEndpoint]
    first_id: str | None = None
    has_more: bool
    last_id: str | None = None
    object: Literal["list"]
