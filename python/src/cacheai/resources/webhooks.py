"""``client.webhooks``: check that a webhook request came from OpenAI (``verify_signature``) and parse its event
(``unwrap``), with the secret of ``CacheAI(webhook_secret=...)`` or ``OPENAI_WEBHOOK_SECRET`` by default.

The scheme is openai's (Standard Webhooks): the ``webhook-signature`` header holds ``v1,<base64>`` values, each
an HMAC-SHA256 of ``"<webhook-id>.<webhook-timestamp>.<payload>"`` with the secret (``whsec_<base64>`` decoded).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
from collections.abc import Mapping
from typing import Protocol, cast

from .._exceptions import InvalidWebhookSignatureError
from .._models import construct_type
from .._resource import SyncAPIResource
from ..types.webhooks import UnwrapWebhookEvent

__all__ = ["HeadersLike", "Webhooks"]


class _GetHeader(Protocol):
    def get(self, key: str, /) -> str | None: ...


HeadersLike = Mapping[str, str] | _GetHeader
"""A mapping of header names to values, or any object with ``get(name)`` (a framework's request headers)."""


def _required_header(headers: HeadersLike, name: str) -> str:
    """The header's value, whatever the case of its name (openai's lookup); ``ValueError`` when it is missing."""
    if isinstance(headers, Mapping):
        for key, value in headers.items():
            if key.lower() == name and isinstance(value, str):
                return value
    intercaps = re.sub(r"([^\w])(\w)", lambda m: m.group(1) + m.group(2).upper(), name.capitalize())
    for spelling in (name, name.upper(), intercaps):
        value = headers.get(spelling)
        if value:
            return value
    raise ValueError(f"Could not find {name} header")


def _signature_matches(payload: str | bytes, headers: HeadersLike, *, secret: str, tolerance: int) -> bool:
    signature_header = _required_header(headers, "webhook-signature")
    timestamp = _required_header(headers, "webhook-timestamp")
    webhook_id = _required_header(headers, "webhook-id")
    try:
        sent_at = int(timestamp)
    except ValueError:
        raise InvalidWebhookSignatureError("Invalid webhook timestamp format") from None
    now = int(time.time())
    if now - sent_at > tolerance:
        raise InvalidWebhookSignatureError("Webhook timestamp is too old") from None
    if sent_at > now + tolerance:
        raise InvalidWebhookSignatureError("Webhook timestamp is too new") from None
    signatures = [part[3:] if part.startswith("v1,") else part for part in signature_header.split()]
    key = base64.b64decode(secret[6:]) if secret.startswith("whsec_") else secret.encode()
    body = payload.decode("utf-8") if isinstance(payload, bytes) else payload
    digest = hmac.new(key, f"{webhook_id}.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    expected = base64.b64encode(digest).decode()
    return any(hmac.compare_digest(expected, signature) for signature in signatures)


class Webhooks(SyncAPIResource):
    def unwrap(
        self,
        payload: str | bytes,
        headers: HeadersLike,
        *,
        secret: str | None = None,
    ) -> UnwrapWebhookEvent:
        """Verify the request (see ``verify_signature``) and parse its body into the event it carries
        (``event.type`` tells which: ``"batch.completed"``, ``"response.completed"``, ...)."""
        if secret is None:
            secret = self._client.webhook_secret
        self.verify_signature(payload=payload, headers=headers, secret=secret)
        return cast(UnwrapWebhookEvent, construct_type(UnwrapWebhookEvent, json.loads(payload)))

    def verify_signature(
        self,
        payload: str | bytes,
        headers: HeadersLike,
        *,
        secret: str | None = None,
        tolerance: int = 300,
    ) -> None:
        """Check a webhook request: ``payload`` is its raw body, ``headers`` its headers; ``secret`` defaults to
        the client's. Raises ``InvalidWebhookSignatureError`` for a wrong signature or a timestamp more than
        ``tolerance`` seconds away, ``ValueError`` for a missing header or no secret at all."""
        if secret is None:
            secret = self._client.webhook_secret
        if secret is None:
            raise ValueError(
                "The webhook secret must either be set using the env var, OPENAI_WEBHOOK_SECRET, "
                "on the client class, OpenAI(webhook_secret='123'), or passed to this function"
            )
        if not _signature_matches(payload, headers, secret=secret, tolerance=tolerance):
            raise InvalidWebhookSignatureError("The given webhook signature does not match the expected signature")
