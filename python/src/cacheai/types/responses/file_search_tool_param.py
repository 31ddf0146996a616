"""API types mirroring `openai.types.responses.file_search_tool_param`."""

from collections.abc import Sequence
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from ..shared_params.comparison_filter import ComparisonFilter
from ..shared_params.compound_filter import CompoundFilter

__all__ = ["FileSearchToolParam", "Filters", "RankingOptions", "RankingOptionsHybridSearch"]


Filters: TypeAlias = ComparisonFilter | CompoundFilter


class RankingOptionsHybridSearch(TypedDict, total=False):
    embedding_weight: Required[float]
    text_weight: Required[float]


class RankingOptions(TypedDict, total=False):
    hybrid_search: RankingOptionsHybridSearch
    ranker: Literal["auto", "default-2024-11-15"]
    score_threshold: float


class FileSearchToolParam(TypedDict, total=False):
    type: Required[Literal["file_search"]]
    vector_store_ids: Required[Sequence[str]]
    filters: Filters | None
    max_num_results: int
    ranking_options: RankingOptions
