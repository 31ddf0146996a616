"""API types mirroring `openai.types.shared_params.comparison_filter`."""

from collections.abc import Sequence
from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ComparisonFilter"]


class ComparisonFilter(TypedDict, total=False):
    key: Required[str]
    type: Required[Literal["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin"]]
    value: Required[str | float | bool | Sequence[str | float]]
