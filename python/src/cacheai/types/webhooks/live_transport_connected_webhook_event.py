"""API types mirroring `openai.types.webhooks.live_transport_connected_webhook_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Data", "LiveTransportConnectedWebhookEvent"]


class Data(BaseModel):
    session_id: str
    type: Literal["webrtc"]


class LiveTransportConnectedWebhookEvent(BaseModel):
    id: str
    created_at: int
    data: Data
    object: Literal["event"]
    type: Literal["live.transport.connected"]
