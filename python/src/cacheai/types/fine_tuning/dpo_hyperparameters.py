"""API types mirroring `openai.types.fine_tuning.dpo_hyperparameters`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["DpoHyperparameters"]


class DpoHyperparameters(BaseModel):
    batch_size: Literal["auto"] | int | None = None
    beta: Literal["auto"] | float | None = None
    learning_rate_multiplier: Literal["auto"] | float | None = None
    n_epochs: Literal["auto"] | int | None = None
