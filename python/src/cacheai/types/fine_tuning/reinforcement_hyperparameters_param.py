"""API types mirroring `openai.types.fine_tuning.reinforcement_hyperparameters_param`."""

from typing import Literal

from typing_extensions import TypedDict

__all__ = ["ReinforcementHyperparametersParam"]


class ReinforcementHyperparametersParam(TypedDict, total=False):
    batch_size: Literal["auto"] | int
    compute_multiplier: Literal["auto"] | float
    eval_interval: Literal["auto"] | int
    eval_samples: Literal["auto"] | int
    learning_rate_multiplier: Literal["auto"] | float
    n_epochs: Literal["auto"] | int
    reasoning_effort: Literal["default", "low", "medium", "high"]
