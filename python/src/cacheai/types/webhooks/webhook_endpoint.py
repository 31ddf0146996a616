"""API types mirroring `openai.types.webhooks.webhook_endpoint`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["WebhookEndpoint"]


class WebhookEndpoint(BaseModel):
    id: str
    created_at: int
    event_types: list[str]
    name: str
    object: Literal["webhook_endpoint"]
    signing_secret_hint: str | None = None
    url: str
    updated_at: int | None = None
