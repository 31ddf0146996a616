"""API types mirroring `openai.types.fine_tuning.supervised_method`."""

from ..._models import BaseModel
from .supervised_hyperparameters import SupervisedHyperparameters

__all__ = ["SupervisedMethod"]


class SupervisedMethod(BaseModel):
    hyperparameters: SupervisedHyperparameters | None = None
