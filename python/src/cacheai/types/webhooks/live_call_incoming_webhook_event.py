"""API types mirroring `openai.types.webhooks.live_call_incoming_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "DataSipHeader", "LiveCallIncomingWebhookEvent"]


class DataSipHeader(BaseModel):
    name: str
    value: str


class Data(BaseModel):
    session_id: str
    sip_headers: list[DataSipHeader]
    sip_media_security: Literal["rtp", "srtp"] | str | None = None


class LiveCallIncomingWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["live.call.incoming"]
    object: Literal["event"] | None = None
