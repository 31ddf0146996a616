"""API types.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
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
    from .deleted_webhook_endpoint import DeletedWebhookEndpoint
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
    from .safety_identifier_blocked_webhook_event import SafetyIdentifierBlockedWebhookEvent
    from .safety_org_alert_created_webhook_event import SafetyOrgAlertCreatedWebhookEvent
    from .safety_warning_issued_webhook_event import SafetyWarningIssuedWebhookEvent
    from .unwrap_webhook_event import UnwrapWebhookEvent
    from .webhook_create_params import WebhookCreateParams
    from .webhook_endpoint import WebhookEndpoint
    from .webhook_endpoint_list import WebhookEndpointList
    from .webhook_endpoint_test_result import WebhookEndpointTestResult
    from .webhook_endpoint_with_secret import WebhookEndpointWithSecret
    from .webhook_event_type_list import WebhookEventTypeList
    from .webhook_list_params import WebhookListParams
    from .webhook_rotate_secret_params import WebhookRotateSecretParams
    from .webhook_test_params import WebhookTestParams
    from .webhook_update_params import WebhookUpdateParams

__all__ = [
    "AgentEnvironmentExpiredWebhookEvent",
    "AgentEnvironmentFailedWebhookEvent",
    "AgentEnvironmentReadyWebhookEvent",
    "AgentEnvironmentSuspendedWebhookEvent",
    "AgentSessionActionRequiredWebhookEvent",
    "AgentSessionCreatedWebhookEvent",
    "AgentSessionFailedWebhookEvent",
    "AgentSessionIdleWebhookEvent",
    "AgentSessionInProgressWebhookEvent",
    "BatchCancelledWebhookEvent",
    "BatchCompletedWebhookEvent",
    "BatchExpiredWebhookEvent",
    "BatchFailedWebhookEvent",
    "DeletedWebhookEndpoint",
    "EvalRunCanceledWebhookEvent",
    "EvalRunFailedWebhookEvent",
    "EvalRunSucceededWebhookEvent",
    "FineTuningJobCancelledWebhookEvent",
    "FineTuningJobFailedWebhookEvent",
    "FineTuningJobSucceededWebhookEvent",
    "LiveCallIncomingWebhookEvent",
    "LiveTransportConnectedWebhookEvent",
    "LiveTransportIncomingWebhookEvent",
    "RealtimeCallIncomingWebhookEvent",
    "ResponseCancelledWebhookEvent",
    "ResponseCompletedWebhookEvent",
    "ResponseFailedWebhookEvent",
    "ResponseIncompleteWebhookEvent",
    "SafetyAlertCreatedWebhookEvent",
    "SafetyDeactivationIssuedWebhookEvent",
    "SafetyIdentifierBlockedWebhookEvent",
    "SafetyOrgAlertCreatedWebhookEvent",
    "SafetyWarningIssuedWebhookEvent",
    "UnwrapWebhookEvent",
    "WebhookCreateParams",
    "WebhookEndpoint",
    "WebhookEndpointList",
    "WebhookEndpointTestResult",
    "WebhookEndpointWithSecret",
    "WebhookEventTypeList",
    "WebhookListParams",
    "WebhookRotateSecretParams",
    "WebhookTestParams",
    "WebhookUpdateParams",
]

_MODULE_OF: dict[str, str] = {
    "AgentEnvironmentExpiredWebhookEvent": ".agent_environment_expired_webhook_event",
    "AgentEnvironmentFailedWebhookEvent": ".agent_environment_failed_webhook_event",
    "AgentEnvironmentReadyWebhookEvent": ".agent_environment_ready_webhook_event",
    "AgentEnvironmentSuspendedWebhookEvent": ".agent_environment_suspended_webhook_event",
    "AgentSessionActionRequiredWebhookEvent": ".agent_session_action_required_webhook_event",
    "AgentSessionCreatedWebhookEvent": ".agent_session_created_webhook_event",
    "AgentSessionFailedWebhookEvent": ".agent_session_failed_webhook_event",
    "AgentSessionIdleWebhookEvent": ".agent_session_idle_webhook_event",
    "AgentSessionInProgressWebhookEvent": ".agent_session_in_progress_webhook_event",
    "BatchCancelledWebhookEvent": ".batch_cancelled_webhook_event",
    "BatchCompletedWebhookEvent": ".batch_completed_webhook_event",
    "BatchExpiredWebhookEvent": ".batch_expired_webhook_event",
    "BatchFailedWebhookEvent": ".batch_failed_webhook_event",
    "DeletedWebhookEndpoint": ".deleted_webhook_endpoint",
    "EvalRunCanceledWebhookEvent": ".eval_run_canceled_webhook_event",
    "EvalRunFailedWebhookEvent": ".eval_run_failed_webhook_event",
    "EvalRunSucceededWebhookEvent": ".eval_run_succeeded_webhook_event",
    "FineTuningJobCancelledWebhookEvent": ".fine_tuning_job_cancelled_webhook_event",
    "FineTuningJobFailedWebhookEvent": ".fine_tuning_job_failed_webhook_event",
    "FineTuningJobSucceededWebhookEvent": ".fine_tuning_job_succeeded_webhook_event",
    "LiveCallIncomingWebhookEvent": ".live_call_incoming_webhook_event",
    "LiveTransportConnectedWebhookEvent": ".live_transport_connected_webhook_event",
    "LiveTransportIncomingWebhookEvent": ".live_transport_incoming_webhook_event",
    "RealtimeCallIncomingWebhookEvent": ".realtime_call_incoming_webhook_event",
    "ResponseCancelledWebhookEvent": ".response_cancelled_webhook_event",
    "ResponseCompletedWebhookEvent": ".response_completed_webhook_event",
    "ResponseFailedWebhookEvent": ".response_failed_webhook_event",
    "ResponseIncompleteWebhookEvent": ".response_incomplete_webhook_event",
    "SafetyAlertCreatedWebhookEvent": ".safety_alert_created_webhook_event",
    "SafetyDeactivationIssuedWebhookEvent": ".safety_deactivation_issued_webhook_event",
    "SafetyIdentifierBlockedWebhookEvent": ".safety_identifier_blocked_webhook_event",
    "SafetyOrgAlertCreatedWebhookEvent": ".safety_org_alert_created_webhook_event",
    "SafetyWarningIssuedWebhookEvent": ".safety_warning_issued_webhook_event",
    "UnwrapWebhookEvent": ".unwrap_webhook_event",
    "WebhookCreateParams": ".webhook_create_params",
    "WebhookEndpoint": ".webhook_endpoint",
    "WebhookEndpointList": ".webhook_endpoint_list",
    "WebhookEndpointTestResult": ".webhook_endpoint_test_result",
    "WebhookEndpointWithSecret": ".webhook_endpoint_with_secret",
    "WebhookEventTypeList": ".webhook_event_type_list",
    "WebhookListParams": ".webhook_list_params",
    "WebhookRotateSecretParams": ".webhook_rotate_secret_params",
    "WebhookTestParams": ".webhook_test_params",
    "WebhookUpdateParams": ".webhook_update_params",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = ()


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
