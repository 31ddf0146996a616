"""API types mirroring `openai.types.fine_tuning.dpo_method`."""

from ..._models import BaseModel
from .dpo_hyperparameters import DpoHyperparameters

__all__ = ["DpoMethod"]


class DpoMethod(BaseModel):
    hyperparameters: DpoHyperparameters | None = None
