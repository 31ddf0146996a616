"""API types mirroring `openai.types.fine_tuning.fine_tuning_job_wandb_integration`."""

from ..._models import BaseModel

__all__ = ["FineTuningJobWandbIntegration"]


class FineTuningJobWandbIntegration(BaseModel):
    project: str
    entity: str | None = None
    name: str | None = None
    tags: list[str] | None = None
