"""``cacheai.info(result)``: what a call took (request id, latency, retries, usage, cost, rate-limit state).

The record is not a field of the result: a result keeps a reference to its ``Exchange``, and ``info`` builds the
``ResponseInfo`` from it on first read, so ``model_dump()``/``to_dict()`` stay exactly openai's and no server
field can collide with it. Headers are parsed and prices looked up only when the fields are read.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._exchange import Exchange
    from ._ratelimit_headers import RateLimitSnapshot
    from ._usage import TokenUsage

__all__ = ["ResponseInfo", "attach", "exchange_of", "info"]

EXCHANGE_ATTR = "_cacheai_exchange"

# The first of these that a response carries is its request id (OpenAI, generic proxies, LiteLLM, Azure APIM).
_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-litellm-call-id", "apim-request-id")

_UNSET: Any = object()


class ResponseInfo:
    """The record of one call. Timings are milliseconds; ``cost`` is estimated USD or ``None`` if unknown.

    - ``request_id``, ``status_code``, ``headers``: from the HTTP response (for a cache hit, the stored one).
    - ``latency_ms``: first request sent to body read, retries included (a stream: to its last chunk, or so far
      while it is being read); ``ttft_ms``: a stream's first content-bearing chunk; ``complete``: the body was
      read whole (a stream: it reached its end marker).
    - ``retries``: attempts after the first. ``model``: the model asked for; ``answered_model``: the one that
      answered (the response's ``model``).
    - ``cached``/``cache_key``: answered from the response cache, and the entry's key.
    - ``usage``: ``TokenUsage`` (``None`` when the server reported none), priced in ``usage.estimated_cost``;
      ``cost`` is the same figure (0 for a cache hit: nothing was bought).
    - ``rate_limit``: the server's rate-limit headers as a ``RateLimitSnapshot``, or ``None``.
    """

    __slots__ = (
        "_cost",
        "_exchange",
        "_rate_limit",
        "_raw_usage",
        "_request_id",
        "_service_tier",
        "_usage",
        "answered_model",
        "cache_key",
        "cached",
        "complete",
        "headers",
        "latency_ms",
        "model",
        "retries",
        "status_code",
        "ttft_ms",
    )

    def __init__(self, exchange: Exchange, *, raw_usage: Any, answered_model: str | None, service_tier: Any) -> None:
        response = exchange.response
        headers: Mapping[str, str] = response.headers if response is not None else {}
        self._exchange = exchange
        self.headers = headers
        self.status_code: int | None = response.status_code if response is not None else None
        self._request_id: Any = _UNSET
        self.retries: int = exchange.retries_taken
        self.model: str | None = exchange.model
        self.answered_model: str | None = answered_model or exchange.answered_model
        self.cached: bool = exchange.cached
        self.cache_key: str | None = exchange.cache_key
        if exchange.stream:
            self.complete: bool = bool(exchange.finished_at)
            end = exchange.finished_at or time.perf_counter()
            first = exchange.first_content_at
            self.ttft_ms: float | None = (first - exchange.sent_at) * 1000 if first else None
        else:
            self.complete = True
            end = exchange.answered_at
            self.ttft_ms = None
        self.latency_ms: float = max(0.0, (end - exchange.sent_at) * 1000) if exchange.sent_at else 0.0
        self._raw_usage = raw_usage if raw_usage is not None else exchange.usage
        self._service_tier = service_tier if isinstance(service_tier, str) else None
        self._usage: Any = _UNSET
        self._cost: Any = _UNSET
        self._rate_limit: Any = _UNSET

    @property
    def usage(self) -> TokenUsage | None:
        if self._usage is _UNSET:
            self._usage = _deps()[0](self._raw_usage, self._price)
        return self._usage  # type: ignore[no-any-return]

    @property
    def request_id(self) -> str | None:
        """``x-request-id``, or the server's equivalent (``request-id``, LiteLLM's ``x-litellm-call-id``...)."""
        if self._request_id is _UNSET:
            self._request_id = _request_id(self.headers)
        return self._request_id  # type: ignore[no-any-return]

    @property
    def cost(self) -> float | None:
        """Estimated USD for this call: 0.0 for a cache hit, ``None`` when the price or the usage is unknown."""
        if self._cost is _UNSET:
            if self.cached:
                self._cost = 0.0
            else:
                usage = self.usage
                self._cost = usage.estimated_cost if usage is not None else None
        return self._cost  # type: ignore[no-any-return]

    @property
    def rate_limit(self) -> RateLimitSnapshot | None:
        if self._rate_limit is _UNSET:
            from ._ratelimit_headers import parse_rate_limit_headers

            self._rate_limit = parse_rate_limit_headers(self.headers)
        return self._rate_limit  # type: ignore[no-any-return]

    def _price(self, prompt: int, completion: int, cached: int | None) -> float | None:
        if self.cached:
            return 0.0
        estimate_cost = _deps()[1]
        overrides = getattr(self._exchange.owner, "state", None)
        cost: float | None = estimate_cost(
            self.answered_model or self.model,
            prompt_tokens=prompt,
            completion_tokens=completion,
            cached_tokens=cached,
            service_tier=self._service_tier,
            overrides=overrides.prices if overrides is not None else None,
        )
        return cost

    def as_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready data (headers left out; the rate-limit snapshot's fields kept)."""
        usage = self.usage
        rate_limit = self.rate_limit
        return {
            "request_id": self.request_id,
            "status_code": self.status_code,
            "latency_ms": round(self.latency_ms, 3),
            "ttft_ms": round(self.ttft_ms, 3) if self.ttft_ms is not None else None,
            "retries": self.retries,
            "model": self.model,
            "answered_model": self.answered_model,
            "cached": self.cached,
            "cache_key": self.cache_key,
            "complete": self.complete,
            "usage": usage.model_dump() if usage is not None else None,
            "cost": self.cost,
            "rate_limit": _snapshot_fields(rate_limit) if rate_limit is not None else None,
        }

    def __repr__(self) -> str:
        return (
            f"ResponseInfo(request_id={self.request_id!r}, status_code={self.status_code}, "
            f"latency_ms={self.latency_ms:.1f}, retries={self.retries}, model={self.answered_model or self.model!r}, "
            f"cached={self.cached}, cost={self.cost!r})"
        )


def attach(result: Any, exchange: Exchange) -> Any:
    """Give ``result`` (a top-level response object) its exchange; returns ``result``."""
    try:
        object.__setattr__(result, EXCHANGE_ATTR, exchange)
    except (AttributeError, TypeError):
        pass  # a str, bytes or None result has nowhere to keep it: info() says so
    return result


def exchange_of(result: Any) -> Exchange | None:
    return getattr(result, EXCHANGE_ATTR, None)


def info(result: Any) -> ResponseInfo:
    """The record of the call that produced ``result``.

    Works on every object an API method returns (models, pages, ``Stream`` objects, ``APIResponse`` from
    ``with_raw_response``) and on ``ModelResponse``; a stream's record is partial until it has been read to the
    end. Raises ``TypeError`` for an object no call produced (built by hand, unpickled, or a plain ``str``).
    """
    exchange = exchange_of(result)
    if exchange is None:
        completion = getattr(result, "completion", None)  # a ModelResponse: its completion's record
        exchange = exchange_of(completion) if completion is not None else None
        if exchange is None:
            raise TypeError(
                f"{type(result).__name__} object carries no response record: cacheai.info() takes what a "
                "cacheai client method returned (not an object built by hand, copied from JSON or unpickled)"
            )
        result = completion
    record = exchange.info
    if record is not None and (record.complete or not exchange.stream):
        return record  # type: ignore[no-any-return]
    record = _build(exchange, result)
    if record.complete or not exchange.stream:
        exchange.info = record
    return record


@functools.cache
def _deps() -> tuple[Callable[..., TokenUsage | None], Callable[..., float | None]]:
    """Modules the record needs only when read (pydantic models, the price table): imported once, on first use."""
    from ._prices import estimate_cost
    from ._usage import token_usage

    return token_usage, estimate_cost


@functools.cache
def _api_response_type() -> type[Any]:
    from ._response import APIResponse

    return APIResponse


def _build(exchange: Exchange, result: Any) -> ResponseInfo:
    APIResponse = _api_response_type()

    if exchange.stream or result is None:
        return ResponseInfo(exchange, raw_usage=None, answered_model=None, service_tier=None)
    if isinstance(result, APIResponse):
        parsed = _json_body(result)
        if isinstance(parsed, Mapping):
            model = parsed.get("model")
            return ResponseInfo(
                exchange,
                raw_usage=parsed.get("usage") or _responses_usage(parsed),
                answered_model=model if isinstance(model, str) else None,
                service_tier=parsed.get("service_tier"),
            )
        return ResponseInfo(exchange, raw_usage=None, answered_model=None, service_tier=None)
    model = getattr(result, "model", None)
    return ResponseInfo(
        exchange,
        raw_usage=getattr(result, "usage", None),
        answered_model=model if isinstance(model, str) else None,
        service_tier=getattr(result, "service_tier", None),
    )


def _snapshot_fields(snapshot: RateLimitSnapshot) -> dict[str, Any]:
    return {
        "limit_requests": snapshot.limit_requests,
        "remaining_requests": snapshot.remaining_requests,
        "reset_requests_s": snapshot.reset_requests_s,
        "limit_tokens": snapshot.limit_tokens,
        "remaining_tokens": snapshot.remaining_tokens,
        "reset_tokens_s": snapshot.reset_tokens_s,
    }


def _json_body(raw: Any) -> Any:
    try:
        return json.loads(raw.content)
    except (ValueError, TypeError):
        return None


def _responses_usage(parsed: Mapping[str, Any]) -> Any:
    response = parsed.get("response")
    return response.get("usage") if isinstance(response, Mapping) else None


def _request_id(headers: Mapping[str, str]) -> str | None:
    for name in _REQUEST_ID_HEADERS:
        value = headers.get(name)
        if value:
            return value
    return None
