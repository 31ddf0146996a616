"""API types mirroring `openai.types.webhooks.live_transport_incoming_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "DataSipHeader", "LiveTransportIncomingWebhookEvent"]


class DataSipHeader(BaseModel):
    name: str
    value: str


class Data(BaseModel):
    session_id: str
    sip_headers: list[DataSipHeader]
    type: Literal["sip"]
    sip_media_security: Literal["rtp", "srtp"] | str | None = None


class LiveTransportIncomingWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    type: Literal["live.transport.incoming"]
    object: Literal["event"] | None = None
