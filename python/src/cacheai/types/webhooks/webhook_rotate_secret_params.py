"""API types mirroring `openai.types.webhooks.webhook_rotate_secret_params`."""

from typing_extensions import TypedDict

__all__ = ["WebhookRotateSecretParams"]


class WebhookRotateSecretParams(TypedDict, total=False):
    keep_old_secret_active_for_24_hours: bool
