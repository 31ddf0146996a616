"""API types mirroring `openai.types.fine_tuning.supervised_method_param`."""

from typing_extensions import TypedDict

from .supervised_hyperparameters_param import SupervisedHyperparametersParam

__all__ = ["SupervisedMethodParam"]


class SupervisedMethodParam(TypedDict, total=False):
    hyperparameters: SupervisedHyperparametersParam
