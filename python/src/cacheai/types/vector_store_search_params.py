"""API types mirroring `openai.types.vector_store_search_params`."""

from collections.abc import Sequence
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from .shared_params.comparison_filter import ComparisonFilter
from .shared_params.compound_filter import CompoundFilter

__all__ = ["Filters", "RankingOptions", "VectorStoreSearchParams"]


class RankingOptions(TypedDict, total=False):
    ranker: Literal["none", "auto", "default-2024-11-15"]
    score_threshold: float


Filters: TypeAlias = ComparisonFilter | CompoundFilter


class VectorStoreSearchParams(TypedDict, total=False):
    query: Required[str | Sequence[str]]
    filters: Filters
    max_num_results: int
    ranking_options: RankingOptions
    rewrite_query: bool
