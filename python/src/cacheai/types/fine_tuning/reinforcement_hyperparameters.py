"""API types mirroring `openai.types.fine_tuning.reinforcement_hyperparameters`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ReinforcementHyperparameters"]


class ReinforcementHyperparameters(BaseModel):
    batch_size: Literal["auto"] | int | None = None
    compute_multiplier: Literal["auto"] | float | None = None
    eval_interval: Literal["auto"] | int | None = None
    eval_samples: Literal["auto"] | int | None = None
    learning_rate_multiplier: Literal["auto"] | float | None = None
    n_epochs: Literal["auto"] | int | None = None
    reasoning_effort: Literal["default", "low", "medium", "high"] | None = None
