"""The base of every API resource, and the raw-response mirror of a resource."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from typing_extensions import ParamSpec, TypedDict, Unpack

from ._response import RAW_RESPONSE_HEADER, APIResponse
from ._types import NOT_GIVEN, Headers, NotGiven, Query, RequestOptions, Timeout

if TYPE_CHECKING:
    from ._client import CacheAI

__all__ = ["CallOptions", "SyncAPIResource", "make_options", "split_call_options", "to_raw_response_wrapper"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


class SyncAPIResource:
    """A group of API methods sharing one client (``client.models``, ``client.chat.completions``, ...)."""

    _client: CacheAI

    def __init__(self, client: CacheAI) -> None:
        self._client = client


class CallOptions(TypedDict, total=False):
    """The per-call options every API method takes, as openai's do."""

    extra_headers: Headers | None
    """Headers for this call, over the client's (an ``omit`` value removes one)."""
    extra_query: Query | None
    """Query parameters for this call, over the method's own."""
    extra_body: object | None
    """JSON fields merged over the body (wins on conflict); how to send parameters this SDK does not know."""
    timeout: float | Timeout | NotGiven | None
    """The timeout for this call (seconds, a ``Timeout``, or ``None`` for none)."""
    cache: Any
    """cacheai only: this call's cache control ('refresh', 'no-store', 'bypass', or a ``CacheControl``)."""


CALL_OPTIONS = frozenset(CallOptions.__annotations__)


def split_call_options(params: dict[str, Any]) -> CallOptions:
    """Remove the per-call options from a ``**params`` dict and return them."""
    return {k: params.pop(k) for k in CALL_OPTIONS if k in params}  # type: ignore[return-value]


def make_options(
    method: str,
    path: str,
    *,
    body: object | None = None,
    params: Mapping[str, object] | None = None,
    files: Any = None,
    headers: Headers | None = None,
    **options: Unpack[CallOptions],
) -> RequestOptions:
    """``RequestOptions`` from a resource method's own arguments and its per-call options."""
    extra_query = options.get("extra_query")
    extra_headers = options.get("extra_headers")
    extra_body = options.get("extra_body")
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
        timeout=options.get("timeout", NOT_GIVEN),
        cache=options.get("cache"),
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
