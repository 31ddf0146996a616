"""API types mirroring `openai.types.fine_tuning.dpo_method_param`."""

from typing_extensions import TypedDict

from .dpo_hyperparameters_param import DpoHyperparametersParam

__all__ = ["DpoMethodParam"]


class DpoMethodParam(TypedDict, total=False):
    hyperparameters: DpoHyperparametersParam
