"""API types mirroring `openai.types.fine_tuning.fine_tuning_job_integration`."""

from .fine_tuning_job_wandb_integration_object import FineTuningJobWandbIntegrationObject

__all__ = ["FineTuningJobIntegration"]


FineTuningJobIntegration = FineTuningJobWandbIntegrationObject
