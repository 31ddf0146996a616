"""API types mirroring `openai.types.responses.response_function_web_search_param`."""

from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

__all__ = [
    "Action",
    "ActionFind",
    "ActionOpenPage",
    "ActionSearch",
    "ActionSearchSource",
    "ResponseFunctionWebSearchParam",
]


class ActionSearchSource(TypedDict, total=False):
    type: Required[Literal["url"]]
    url: Required[str]


class ActionSearch(TypedDict, total=False):
    type: Required[Literal["search"]]
    queries: Sequence[str]
    query: str
    sources: Iterable[ActionSearchSource]


class ActionOpenPage(TypedDict, total=False):
    type: Required[Literal["open_page"]]
    url: str | None


class ActionFind(TypedDict, total=False):
    pattern: Required[str]
    type: Required[Literal["find_in_page"]]
    url: Required[str]


Action: TypeAlias = ActionSearch | ActionOpenPage | ActionFind


class ResponseFunctionWebSearchParam(TypedDict, total=False):
    id: Required[str]
    action: Required[Action]
    status: Required[Literal["in_progress", "searching", "completed", "incomplete", "failed"]]
    type: Required[Literal["web_search_call"]]
