"""API types mirroring `openai.types.webhooks.webhook_endpoint_test_result`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["WebhookEndpointTestResult"]


class WebhookEndpointTestResult(BaseModel):
    event_type: str
    object: Literal["webhook_endpoint.test"]
    status_code: int
    success: Literal[True]
    webhook_endpoint_id: str
