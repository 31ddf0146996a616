"""Where one budget's two buckets live: in this process (``LocalBudgets``) or in Redis (``_redis.RedisBudgets``).

Both answer the same four questions, each atomic: ``take`` (admit one request and its tokens, or say how long
until they fit), ``give`` (refund or charge tokens after the fact), ``correct`` (the server's figures) and
``levels`` (for ``state()``).
"""

from __future__ import annotations

from typing import Protocol

from .._ratelimit_headers import RateLimitSnapshot
from ._bucket import Bucket

__all__ = ["Budgets", "LocalBudgets"]

HEADROOM_S = 0.1  # see Bucket: 100 ms of refill kept in hand against network jitter
REQUESTS = "requests_per_minute"
TOKENS = "tokens_per_minute"


class Budgets(Protocol):
    def charges_tokens(self) -> bool: ...
    def take(self, tokens: int, now: float) -> tuple[float, str]: ...
    def give(self, tokens: int, now: float) -> None: ...
    def correct(self, snapshot: RateLimitSnapshot, learn: bool, now: float, in_flight: int = 0) -> None: ...
    def levels(self, now: float) -> tuple[float | None, float | None, float | None, float | None]: ...


class LocalBudgets:
    """A request bucket and a token bucket in memory (either ``None``: unlimited until learnt). Lock held by caller."""

    def __init__(self, requests_per_minute: float | None, tokens_per_minute: float | None, now: float) -> None:
        self.requests = Bucket(requests_per_minute, now, HEADROOM_S) if requests_per_minute else None
        self.tokens = Bucket(tokens_per_minute, now, HEADROOM_S) if tokens_per_minute else None
        self._fixed_requests = requests_per_minute is not None
        self._fixed_tokens = tokens_per_minute is not None

    def charges_tokens(self) -> bool:
        return self.tokens is not None

    def take(self, tokens: int, now: float) -> tuple[float, str]:
        """``(0.0, "")`` after charging both buckets, else the longest wait and the budget that causes it."""
        requests, bucket = self.requests, self.tokens
        wait = 0.0
        budget = ""
        if requests is not None:
            need = requests.one - requests.refill(now)
            if need > 0:
                wait, budget = need / requests.rate, REQUESTS
        if bucket is not None and tokens:
            need = tokens + bucket.margin
            if need > bucket.capacity:
                need = bucket.capacity
            need -= bucket.refill(now)
            if need > 0 and need / bucket.rate > wait:
                wait, budget = need / bucket.rate, TOKENS
        if wait:
            return wait, budget
        if requests is not None:
            requests.level -= 1
        if bucket is not None:
            bucket.level -= tokens
        return 0.0, ""

    def give(self, tokens: int, now: float) -> None:
        bucket = self.tokens
        if bucket is not None and tokens:
            bucket.give(tokens, now)

    def correct(self, snapshot: RateLimitSnapshot, learn: bool, now: float, in_flight: int = 0) -> None:
        """Lower the levels to the server's remaining; with ``learn``, size unconfigured buckets by its limits.

        A bucket learnt now also counts the ``in_flight`` requests admitted before it existed (they may not have
        reached the server when it wrote these headers).
        """
        new_requests = self.requests is None and learn and bool(snapshot.limit_requests)
        if new_requests:
            self.requests = Bucket(snapshot.limit_requests or 0, now, HEADROOM_S)
        if self.tokens is None and learn and snapshot.limit_tokens:
            self.tokens = Bucket(snapshot.limit_tokens, now, HEADROOM_S)
        if self.requests is not None:
            limit = None if self._fixed_requests or not learn else snapshot.limit_requests
            self.requests.correct(limit, snapshot.remaining_requests, now)
            if new_requests:
                self.requests.level -= in_flight
        if self.tokens is not None:
            limit = None if self._fixed_tokens or not learn else snapshot.limit_tokens
            self.tokens.correct(limit, snapshot.remaining_tokens, now)

    def levels(self, now: float) -> tuple[float | None, float | None, float | None, float | None]:
        """Requests left, requests per minute, tokens left, tokens per minute (``None``: not limited)."""
        r, t = self.requests, self.tokens
        return (
            None if r is None else r.refill(now),
            None if r is None else r.capacity,
            None if t is None else t.refill(now),
            None if t is None else t.capacity,
        )
