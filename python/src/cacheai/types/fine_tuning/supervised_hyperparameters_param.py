"""API types mirroring `openai.types.fine_tuning.supervised_hyperparameters_param`."""

from typing import Literal

from typing_extensions import TypedDict

__all__ = ["SupervisedHyperparametersParam"]


class SupervisedHyperparametersParam(TypedDict, total=False):
    batch_size: Literal["auto"] | int
    learning_rate_multiplier: Literal["auto"] | float
    n_epochs: Literal["auto"] | int
