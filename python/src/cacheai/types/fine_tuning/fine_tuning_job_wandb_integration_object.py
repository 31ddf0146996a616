"""API types mirroring `openai.types.fine_tuning.fine_tuning_job_wandb_integration_object`."""

from typing import Literal

from ..._models import BaseModel
from .fine_tuning_job_wandb_integration import FineTuningJobWandbIntegration

__all__ = ["FineTuningJobWandbIntegrationObject"]


class FineTuningJobWandbIntegrationObject(BaseModel):
    type: Literal["wandb"]
    wandb: FineTuningJobWandbIntegration
