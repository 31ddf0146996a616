"""API types mirroring `openai.types.webhooks.webhook_create_params`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["WebhookCreateParams"]


class WebhookCreateParams(TypedDict, total=False):
    event_types: Required[
        list[
            Literal[
                "batch.completed",
                "batch.failed",
                "batch.expired",
                "batch.cancelled",
                "response.completed",
                "response.failed",
                "response.cancelled",
                "response.incomplete",
                "eval.run.succeeded",
                "eval.run.failed",
                "eval.run.canceled",
                "fine_tuning.job.succeeded",
                "fine_tuning.job.failed",
                "fine_tuning.job.cancelled",
                "realtime.call.incoming",
                "video.completed",
                "video.failed",
                "agent.environment.ready",
                "agent.environment.failed",
                "agent.environment.suspended",
                "agent.environment.expired",
                "agent.session.created",
                "agent.session.action_required",
                "agent.session.in_progress",
                "agent.session.idle",
                "agent.session.failed",
                "safety.alert.created",
            ]
        ]
    ]
    name: Required[str]
    url: Required[str]
