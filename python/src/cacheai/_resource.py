"""The base of every API resource, and the raw-response mirror of a resource."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from typing_extensions import ParamSpec

from ._response import RAW_RESPONSE_HEADER, APIResponse
from ._types import NOT_GIVEN, Headers, NotGiven, Query, RequestOptions, Timeout

if TYPE_CHECKING:
    from ._client import CacheAI

__all__ = ["SyncAPIResource", "make_options", "to_raw_response_wrapper"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


class SyncAPIResource:
    """A group of API methods sharing one client (``client.models``, ``client.chat.completions``, ...)."""

    _client: CacheAI

    def __init__(self, client: CacheAI) -> None:
        self._client = client


def make_options(
    method: str,
    path: str,
    *,
    body: object | None = None,
    params: Mapping[str, object] | None = None,
    files: Any = None,
    headers: Headers | None = None,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: object | None = None,
    timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
) -> RequestOptions:
    """``RequestOptions`` from a resource method's arguments and the per-call ``extra_*`` options."""
    if extra_query:
        params = {**(params or {}), **extra_query}
    if headers and extra_headers:
        extra_headers = {**headers, **extra_headers}
    elif headers:
        extra_headers = headers
    if extra_body is not None and not isinstance(extra_body, Mapping):
        raise TypeError(f"extra_body must be a mapping of extra JSON fields, got {type(extra_body).__name__}")
    return RequestOptions(
        method=method,
        path=path,
        json_data=body,
        params=params,
        files=files,
        headers=extra_headers,
        extra_json=extra_body,
        timeout=timeout,
    )


def to_raw_response_wrapper(method: Callable[_P, _R]) -> Callable[_P, APIResponse[_R]]:
    """Wrap a resource method so that it returns the raw ``APIResponse`` (``.parse()`` gives the result)."""

    @functools.wraps(method)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> APIResponse[_R]:
        extra: dict[str, Any] = dict(kwargs.get("extra_headers") or {})  # type: ignore[call-overload]
        extra[RAW_RESPONSE_HEADER] = "true"
        kwargs["extra_headers"] = extra
        return method(*args, **kwargs)  # type: ignore[return-value]

    return wrapped


class RawResponseMirror:
    """``resource.with_raw_response``: the same methods, each returning an ``APIResponse``."""

    def __init__(self, resource: object) -> None:
        self._resource = resource

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._resource, name)
        if isinstance(attr, SyncAPIResource):
            return RawResponseMirror(attr)
        if callable(attr):
            return to_raw_response_wrapper(attr)
        return attr
