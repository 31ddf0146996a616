"""API types mirroring `openai.types.webhooks.deleted_webhook_endpoint`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["DeletedWebhookEndpoint"]


class DeletedWebhookEndpoint(BaseModel):
    id: str
    deleted: bool
    object: Literal["webhook_endpoint.deleted"]
