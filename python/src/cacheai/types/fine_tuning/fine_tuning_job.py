"""API types mirroring `openai.types.fine_tuning.fine_tuning_job`."""

from typing import Literal

from ..._models import BaseModel
from .dpo_method import DpoMethod
from .fine_tuning_job_wandb_integration_object import FineTuningJobWandbIntegrationObject
from .reinforcement_method import ReinforcementMethod
from .supervised_method import SupervisedMethod

__all__ = ["Error", "FineTuningJob", "Hyperparameters", "Method"]


class Error(BaseModel):
    code: str
    message: str
    param: str | None = None


class Hyperparameters(BaseModel):
    batch_size: Literal["auto"] | int | None = None
    learning_rate_multiplier: Literal["auto"] | float | None = None
    n_epochs: Literal["auto"] | int | None = None


class Method(BaseModel):
    type: Literal["supervised", "dpo", "reinforcement"]
    dpo: DpoMethod | None = None
    reinforcement: ReinforcementMethod | None = None
    supervised: SupervisedMethod | None = None


class FineTuningJob(BaseModel):
    id: str
    created_at: int
    error: Error | None = None
    fine_tuned_model: str | None = None
    finished_at: int | None = None
    hyperparameters: Hyperparameters
    model: str
    object: Literal["fine_tuning.job"]
    organization_id: str
    result_files: list[str]
    seed: int
    status: Literal["validating_files", "queued", "running", "succeeded", "failed", "cancelled"]
    trained_tokens: int | None = None
    training_file: str
    validation_file: str | None = None
    estimated_finish: int | None = None
    integrations: list[FineTuningJobWandbIntegrationObject] | None = None
    metadata: dict[str, str] | None = None
    method: Method | None = None
