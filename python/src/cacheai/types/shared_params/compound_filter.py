"""API types mirroring `openai.types.shared_params.compound_filter`."""

from collections.abc import Iterable
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from .comparison_filter import ComparisonFilter

__all__ = ["CompoundFilter", "Filter"]


Filter: TypeAlias = ComparisonFilter | object


class CompoundFilter(TypedDict, total=False):
    filters: Required[Iterable[Filter]]
    type: Required[Literal["and", "or"]]
