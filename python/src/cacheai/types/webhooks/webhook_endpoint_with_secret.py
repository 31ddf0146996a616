"""API types mirroring `openai.types.webhooks.webhook_endpoint_with_secret`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["WebhookEndpointWithSecret"]


class WebhookEndpointWithSecret(BaseModel):
    id: str
    created_at: int
    event_types: list[str]
    name: str
    object: Literal["webhook_endpoint"]
    signing_secret: str
    signing_secret_hint: str | None = None
    url: str
    updated_at: int | None = None
