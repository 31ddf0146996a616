"""``RateLimitLayer``: the limiter on the HTTP path (see ``cacheai._layers``).

- ``before_attempt``: admission for every attempt, retries included (each charged the call's token estimate).
- ``after_attempt``: a 429 pauses the budget for every thread until its ``retry-after`` (else the reset in its
  headers, else 1 s) and returns that delay as the retry delay; with ``adaptive_throttling`` the headers of every
  response correct the budget; a non-streamed success is reconciled with its ``usage`` at once.
- ``complete``/``abort``: the concurrency slot is released (a stream: at its end, close, error or collection),
  a stream's charge is reconciled with the usage it reported.

Budgets per key: with ``RateLimiter(per_key=True)`` the key pool's ``exchange.notes["api_key_fingerprint"]``
picks the budget; any earlier layer may also set ``exchange.notes["budget_key"]`` itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._layers import Layer
from .._ratelimit_headers import parse_rate_limit_headers
from .._retry import retry_after_seconds
from .._types import NotGiven, Timeout
from ._config import RateLimitConfig
from ._estimate import estimate_request_tokens
from ._limiter import RateLimiter, Ticket

if TYPE_CHECKING:
    import requests

    from .._exchange import Exchange

__all__ = ["RateLimitLayer", "make_layer"]

_TICKET = "rate_limit"
BUDGET_KEY = "budget_key"
KEY_FINGERPRINT = "api_key_fingerprint"  # set by the key pool (_keys.FINGERPRINT_NOTE)
_FALLBACK_PAUSE = 1.0
_NO_OUTPUT_PATHS = ("embeddings", "moderations")
_TOTAL_TOKENS = re.compile(rb'"total_tokens"\s*:\s*(\d+)')


class RateLimitLayer(Layer):
    def __init__(self, limiter: RateLimiter) -> None:
        self.limiter = limiter

    def before_attempt(self, exchange: Exchange) -> None:
        notes = exchange.notes
        limiter = self.limiter
        key = ""
        if notes:  # a retry, or notes from an earlier layer (a key's fingerprint, a budget key)
            stale = notes.pop(_TICKET, None)
            if stale is not None:  # an attempt that ended without an answer the layer saw
                limiter.release(stale, 0)
            key = notes.get(BUDGET_KEY) or (notes.get(KEY_FINGERPRINT, "") if limiter.per_key else "")
        scope = limiter.scope_for(exchange.model, key)
        if scope is None:
            return
        tokens = 0
        if scope.counts_tokens:
            generates = not exchange.options.path.rstrip("/").endswith(_NO_OUTPUT_PATHS)
            tokens = estimate_request_tokens(exchange.body, generates=generates)
        notes[_TICKET] = limiter.admit(
            scope,
            tokens,
            timeout=lambda: _call_timeout(exchange),  # worked out only if the call has to wait
            request=exchange.request,
        )

    def after_attempt(
        self, exchange: Exchange, response: requests.Response | None, error: BaseException | None
    ) -> float | None:
        ticket: Ticket | None = exchange.notes.get(_TICKET)
        if ticket is None:
            return None
        limiter = self.limiter
        if response is None or response.status_code >= 400:
            del exchange.notes[_TICKET]
            limiter.release(ticket, 0)  # no usage to charge for a failed attempt
            if response is None or response.status_code != 429:
                return None
            snapshot = parse_rate_limit_headers(response.headers)
            delay = retry_after_seconds(response.headers)
            if delay is None and snapshot is not None:
                resets = [
                    reset
                    for remaining, reset in (
                        (snapshot.remaining_requests, snapshot.reset_requests_s),
                        (snapshot.remaining_tokens, snapshot.reset_tokens_s),
                    )
                    if remaining == 0 and reset is not None
                ]
                delay = max(resets) if resets else None
            if delay is None or delay <= 0:
                delay = _FALLBACK_PAUSE
            limiter.pause(ticket, delay, snapshot)
            max_delay = getattr(getattr(exchange.owner, "retry_policy", None), "max_retry_after", None)
            return None if max_delay is not None and delay > max_delay else delay
        snapshot = parse_rate_limit_headers(response.headers) if ticket.scope.adaptive else None
        if not exchange.stream:  # the body is read: reconcile, correct and free the slot at once
            del exchange.notes[_TICKET]
            limiter.release(ticket, _body_total_tokens(response) if ticket.charged else None, snapshot)
        elif snapshot is not None:
            limiter.observe(ticket, snapshot)
        return None

    def complete(self, exchange: Exchange) -> None:
        ticket: Ticket | None = exchange.notes.pop(_TICKET, None)
        if ticket is not None:
            self.limiter.release(ticket, _usage_total(exchange.usage) if exchange.stream else None)

    def abort(self, exchange: Exchange, error: BaseException | None) -> None:
        ticket: Ticket | None = exchange.notes.pop(_TICKET, None)
        if ticket is not None:
            self.limiter.release(ticket)


def _call_timeout(exchange: Exchange) -> float | None:
    """The call's timeout as one bound on the admission wait (the longest of its phases)."""
    timeout: Any = exchange.options.timeout
    if isinstance(timeout, NotGiven):
        timeout = getattr(exchange.owner, "timeout", None)
    if isinstance(timeout, Timeout):
        timeout = timeout.as_requests()
    if isinstance(timeout, tuple):
        known = [t for t in timeout if t is not None]
        return max(known) if known else None
    return float(timeout) if isinstance(timeout, (int, float)) else None


def _body_total_tokens(response: requests.Response) -> int | None:
    """``usage.total_tokens`` of a JSON body, found without parsing the whole body again."""
    content = response._content
    if not isinstance(content, bytes):
        return None
    at = content.rfind(b'"total_tokens"')
    if at < 0:
        return None
    found = _TOTAL_TOKENS.match(content, at)
    return int(found[1]) if found else None


def _usage_total(usage: Any) -> int | None:
    total = usage.get("total_tokens") if isinstance(usage, dict) else getattr(usage, "total_tokens", None)
    return total if isinstance(total, int) else None


def make_layer(rate_limit: RateLimitConfig | Mapping[str, RateLimitConfig] | RateLimiter) -> RateLimitLayer:
    """The layer for ``CacheAI(rate_limit=...)``: a given ``RateLimiter`` is used as is (shared)."""
    return RateLimitLayer(rate_limit if isinstance(rate_limit, RateLimiter) else RateLimiter(rate_limit))
