"""API types mirroring `openai.types.webhooks.unwrap_webhook_event`."""

from typing import Annotated, TypeAlias

from pydantic import Field

from .agent_environment_expired_webhook_event import AgentEnvironmentExpiredWebhookEvent
from .agent_environment_failed_webhook_event import AgentEnvironmentFailedWebhookEvent
from .agent_environment_ready_webhook_event import AgentEnvironmentReadyWebhookEvent
from .agent_environment_suspended_webhook_event import AgentEnvironmentSuspendedWebhookEvent
from .agent_session_action_required_webhook_event import AgentSessionActionRequiredWebhookEvent
from .agent_session_created_webhook_event import AgentSessionCreatedWebhookEvent
from .agent_session_failed_webhook_event import AgentSessionFailedWebhookEvent
from .agent_session_idle_webhook_event import AgentSessionIdleWebhookEvent
from .agent_session_in_progress_webhook_event import AgentSessionInProgressWebhookEvent
from .batch_cancelled_webhook_event import BatchCancelledWebhookEvent
from .batch_completed_webhook_event import BatchCompletedWebhookEvent
from .batch_expired_webhook_event import BatchExpiredWebhookEvent
from .batch_failed_webhook_event import BatchFailedWebhookEvent
from .eval_run_canceled_webhook_event import EvalRunCanceledWebhookEvent
from .eval_run_failed_webhook_event import EvalRunFailedWebhookEvent
from .eval_run_succeeded_webhook_event import EvalRunSucceededWebhookEvent
from .fine_tuning_job_cancelled_webhook_event import FineTuningJobCancelledWebhookEvent
from .fine_tuning_job_failed_webhook_event import FineTuningJobFailedWebhookEvent
from .fine_tuning_job_succeeded_webhook_event import FineTuningJobSucceededWebhookEvent
from .live_call_incoming_webhook_event import LiveCallIncomingWebhookEvent
from .live_transport_connected_webhook_event import LiveTransportConnectedWebhookEvent
from .live_transport_incoming_webhook_event import LiveTransportIncomingWebhookEvent
from .realtime_call_incoming_webhook_event import RealtimeCallIncomingWebhookEvent
from .response_cancelled_webhook_event import ResponseCancelledWebhookEvent
from .response_completed_webhook_event import ResponseCompletedWebhookEvent
from .response_failed_webhook_event import ResponseFailedWebhookEvent
from .response_incomplete_webhook_event import ResponseIncompleteWebhookEvent
from .safety_alert_created_webhook_event import SafetyAlertCreatedWebhookEvent
from .safety_deactivation_issued_webhook_event import SafetyDeactivationIssuedWebhookEvent
from .safety_org_alert_created_webhook_event import SafetyOrgAlertCreatedWebhookEvent
from .safety_warning_issued_webhook_event import SafetyWarningIssuedWebhookEvent

__all__ = ["UnwrapWebhookEvent"]


UnwrapWebhookEvent: TypeAlias = Annotated[
    AgentEnvironmentExpiredWebhookEvent
    | AgentEnvironmentFailedWebhookEvent
    | AgentEnvironmentReadyWebhookEvent
    | AgentEnvironmentSuspendedWebhookEvent
    | AgentSessionActionRequiredWebhookEvent
    | AgentSessionCreatedWebhookEvent
    | AgentSessionFailedWebhookEvent
    | AgentSessionIdleWebhookEvent
    | AgentSessionInProgressWebhookEvent
    | BatchCancelledWebhookEvent
    | BatchCompletedWebhookEvent
    | BatchExpiredWebhookEvent
    | BatchFailedWebhookEvent
    | EvalRunCanceledWebhookEvent
    | EvalRunFailedWebhookEvent
    | EvalRunSucceededWebhookEvent
    | FineTuningJobCancelledWebhookEvent
    | FineTuningJobFailedWebhookEvent
    | FineTuningJobSucceededWebhookEvent
    | LiveCallIncomingWebhookEvent
    | LiveTransportConnectedWebhookEvent
    | LiveTransportIncomingWebhookEvent
    | RealtimeCallIncomingWebhookEvent
    | ResponseCancelledWebhookEvent
    | ResponseCompletedWebhookEvent
    | ResponseFailedWebhookEvent
    | ResponseIncompleteWebhookEvent
    | SafetyAlertCreatedWebhookEvent
    | SafetyDeactivationIssuedWebhookEvent
    | SafetyOrgAlertCreatedWebhookEvent
    | SafetyWarningIssuedWebhookEvent,
    Field(discriminator="type"),
]
