"""API types mirroring `openai.types.webhooks.webhook_list_params`."""

from typing_extensions import TypedDict

__all__ = ["WebhookListParams"]


class WebhookListParams(TypedDict, total=False):
    after: str | None
    limit: int
