"""API types.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .dpo_hyperparameters import DpoHyperparameters
    from .dpo_hyperparameters_param import DpoHyperparametersParam
    from .dpo_method import DpoMethod
    from .dpo_method_param import DpoMethodParam
    from .fine_tuning_job import FineTuningJob
    from .fine_tuning_job_event import FineTuningJobEvent
    from .fine_tuning_job_integration import FineTuningJobIntegration
    from .fine_tuning_job_wandb_integration import FineTuningJobWandbIntegration
    from .fine_tuning_job_wandb_integration_object import FineTuningJobWandbIntegrationObject
    from .job_create_params import JobCreateParams
    from .job_list_events_params import JobListEventsParams
    from .job_list_params import JobListParams
    from .reinforcement_hyperparameters import ReinforcementHyperparameters
    from .reinforcement_hyperparameters_param import ReinforcementHyperparametersParam
    from .reinforcement_method import ReinforcementMethod
    from .reinforcement_method_param import ReinforcementMethodParam
    from .supervised_hyperparameters import SupervisedHyperparameters
    from .supervised_hyperparameters_param import SupervisedHyperparametersParam
    from .supervised_method import SupervisedMethod
    from .supervised_method_param import SupervisedMethodParam

__all__ = [
    "DpoHyperparameters",
    "DpoHyperparametersParam",
    "DpoMethod",
    "DpoMethodParam",
    "FineTuningJob",
    "FineTuningJobEvent",
    "FineTuningJobIntegration",
    "FineTuningJobWandbIntegration",
    "FineTuningJobWandbIntegrationObject",
    "JobCreateParams",
    "JobListEventsParams",
    "JobListParams",
    "ReinforcementHyperparameters",
    "ReinforcementHyperparametersParam",
    "ReinforcementMethod",
    "ReinforcementMethodParam",
    "SupervisedHyperparameters",
    "SupervisedHyperparametersParam",
    "SupervisedMethod",
    "SupervisedMethodParam",
]

_MODULE_OF: dict[str, str] = {
    "DpoHyperparameters": ".dpo_hyperparameters",
    "DpoHyperparametersParam": ".dpo_hyperparameters_param",
    "DpoMethod": ".dpo_method",
    "DpoMethodParam": ".dpo_method_param",
    "FineTuningJob": ".fine_tuning_job",
    "FineTuningJobEvent": ".fine_tuning_job_event",
    "FineTuningJobIntegration": ".fine_tuning_job_integration",
    "FineTuningJobWandbIntegration": ".fine_tuning_job_wandb_integration",
    "FineTuningJobWandbIntegrationObject": ".fine_tuning_job_wandb_integration_object",
    "JobCreateParams": ".job_create_params",
    "JobListEventsParams": ".job_list_events_params",
    "JobListParams": ".job_list_params",
    "ReinforcementHyperparameters": ".reinforcement_hyperparameters",
    "ReinforcementHyperparametersParam": ".reinforcement_hyperparameters_param",
    "ReinforcementMethod": ".reinforcement_method",
    "ReinforcementMethodParam": ".reinforcement_method_param",
    "SupervisedHyperparameters": ".supervised_hyperparameters",
    "SupervisedHyperparametersParam": ".supervised_hyperparameters_param",
    "SupervisedMethod": ".supervised_method",
    "SupervisedMethodParam": ".supervised_method_param",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = (
    "alpha",
    "checkpoints",
    "jobs",
)


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
