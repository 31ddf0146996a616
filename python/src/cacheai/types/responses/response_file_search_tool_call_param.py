"""API types mirroring `openai.types.responses.response_file_search_tool_call_param`."""

from collections.abc import Iterable, Sequence
from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ResponseFileSearchToolCallParam", "Result"]


class Result(TypedDict, total=False):
    attributes: dict[str, str | float | bool] | None
    file_id: str
    filename: str
    score: float
    text: str


class ResponseFileSearchToolCallParam(TypedDict, total=False):
    id: Required[str]
    queries: Required[Sequence[str]]
    status: Required[Literal["in_progress", "searching", "completed", "incomplete", "failed"]]
    type: Required[Literal["file_search_call"]]
    results: Iterable[Result] | None
