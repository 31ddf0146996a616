"""``RateLimiter``: admission against per-minute budgets, a concurrency cap and 429 pauses, shared by threads.

One limiter holds one budget per entry of its configuration (a single ``RateLimitConfig`` is one entry ``"*"``
for every call) and per extra ``key`` (e.g. an API-key fingerprint, so a key pool can have a budget per key).
A model picks its entry by exact name, else by the first matching glob pattern (``fnmatch``), in the order given;
a model no entry matches is not limited. Every model matching one pattern shares that entry's budget.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Any

from .._ratelimit_headers import RateLimitSnapshot
from ._budgets import Budgets, LocalBudgets
from ._config import RateLimitConfig
from ._errors import RateLimitExceededLocally

if TYPE_CHECKING:
    import requests

__all__ = ["BudgetState", "RateLimiter", "Ticket"]

_WAIT_SLICE = 1.0  # the longest single sleep, so that a signal or a freed slot is never missed for long
_RAMP_FIRST = 0.25  # after a pause, the first admissions are spaced this far apart, halving with each one
_RAMP_END = 0.002
_UNKNOWN: Any = object()  # a model not yet looked up in ``_scope_of``


@dataclass(frozen=True, slots=True)
class BudgetState:
    """One budget at one moment (``None``: that limit is not enforced or not yet learnt)."""

    entry: str
    key: str
    requests_left: float | None
    requests_per_minute: float | None
    tokens_left: float | None
    tokens_per_minute: float | None
    in_flight: int
    max_concurrent: int | None
    waiting: int
    paused_for: float
    admitted: int
    rejected: int
    throttled_by_server: int
    shared: bool


class _Scope:
    """The state of one budget. Guarded by the limiter's condition."""

    __slots__ = (
        "adaptive",
        "admitted",
        "budgets",
        "config",
        "counts_tokens",
        "entry",
        "in_flight",
        "key",
        "local",
        "max_concurrent",
        "pause_until",
        "ramp_interval",
        "ramp_next",
        "rejected",
        "server_429s",
        "waiting",
    )

    def __init__(self, entry: str, key: str, config: RateLimitConfig, budgets: Budgets) -> None:
        self.entry = entry
        self.key = key
        self.config = config
        self.adaptive = config.adaptive_throttling
        self.counts_tokens = config.tokens_per_minute is not None or config.adaptive_throttling  # estimate needed
        self.max_concurrent = config.max_concurrent
        self.budgets = budgets
        self.local = budgets if isinstance(budgets, LocalBudgets) else None  # the fast path's, when in this process
        self.in_flight = 0
        self.waiting = 0
        self.pause_until = 0.0
        self.ramp_interval = 0.0
        self.ramp_next = 0.0
        self.admitted = self.rejected = self.server_429s = 0

    @property
    def label(self) -> str:
        return self.entry if not self.key else f"{self.entry} [{self.key}]"

    def admit_now(self, tokens: int, now: float) -> int | None:
        """The fast path: admit when nothing is in the way, with no wait to work out; the tokens charged.

        Budgets in this process only, no pause or ramp, a free slot, both buckets holding enough (refilled as
        ``Bucket.refill`` does). ``None`` changes nothing: ``try_admit`` then decides, and says how long to wait.
        """
        local = self.local
        if local is None or now < self.pause_until or self.ramp_interval:
            return None
        limit = self.max_concurrent
        if limit is not None and self.in_flight >= limit:
            return None
        requests, bucket = local.requests, local.tokens
        if requests is not None:
            left = requests.level if now <= requests.updated else requests.refill_level(now)
            if left < requests.one:
                return None
        if bucket is not None and tokens:
            in_hand = bucket.level if now <= bucket.updated else bucket.refill_level(now)
            if in_hand < tokens + bucket.margin and in_hand < bucket.capacity:
                return None
            if now > bucket.updated:
                bucket.updated = now
            bucket.level = in_hand - tokens
        if requests is not None:
            if now > requests.updated:
                requests.updated = now
            requests.level = left - 1
        self.in_flight += 1
        self.admitted += 1
        return 0 if bucket is None else tokens

    def try_admit(self, tokens: int, now: float) -> tuple[float | None, str]:
        """Admit (``(0.0, "")``), or the wait and the budget in the way; ``None`` wait: until a slot frees."""
        if now < self.pause_until:
            return self.pause_until - now, "pause"
        if self.ramp_interval and now < self.ramp_next:
            return self.ramp_next - now, "pause"
        limit = self.max_concurrent
        if limit is not None and self.in_flight >= limit:
            return None, "max_concurrent"
        wait, budget = self.budgets.take(tokens, now)
        if wait:
            return wait, budget
        if self.ramp_interval:
            self.ramp_next = now + self.ramp_interval
            self.ramp_interval = 0.0 if self.ramp_interval / 2 < _RAMP_END else self.ramp_interval / 2
        self.in_flight += 1
        self.admitted += 1
        return 0.0, ""


class Ticket:
    """One admitted attempt: what it charged, until it is released (once)."""

    __slots__ = ("charged", "released", "scope")

    def __init__(self, scope: _Scope, charged: int) -> None:
        self.scope = scope
        self.charged = charged
        self.released = False


class RateLimiter:
    """Client-side limits shared by every client given this object (and by their ``with_options`` copies).

    ``limits`` is one ``RateLimitConfig`` for every call, or a mapping of model name or glob pattern to a
    config (``"*"`` as the default). ``per_key=True`` gives every API key of a key pool its own budgets (keyed by
    the key's fingerprint; use it when the keys belong to different accounts). ``clock`` (monotonic seconds) is
    injectable for tests. Thread-safe.
    """

    def __init__(
        self,
        limits: RateLimitConfig | Mapping[str, RateLimitConfig],
        *,
        per_key: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(limits, RateLimitConfig):
            entries = {"*": limits}
        elif isinstance(limits, Mapping) and all(isinstance(v, RateLimitConfig) for v in limits.values()):
            entries = dict(limits)
        else:
            raise TypeError(
                "rate_limit must be a RateLimitConfig, a mapping of model name or pattern to RateLimitConfig, "
                f"or a RateLimiter; got {type(limits).__name__}"
            )
        self._entries = entries
        self.per_key = per_key
        self._clock = clock
        self._lock = threading.Lock()  # taken directly on the fast paths; the condition waits on it
        self._cond = threading.Condition(self._lock)
        self._scopes: dict[tuple[str, str], _Scope] = {}
        self._waiting = 0  # calls waiting in any scope: nobody to wake up when 0
        self._entry_of: dict[str | None, str | None] = {}
        self._scope_of: dict[str | None, _Scope | None] = {}  # model -> its scope without a key (None: unlimited)

    # -- configuration ------------------------------------------------------------------------------------

    def entry_for(self, model: str | None) -> str | None:
        """The configuration entry governing ``model`` (``None``: not limited)."""
        try:
            return self._entry_of[model]
        except KeyError:
            pass
        entry: str | None = None
        if model is not None and model in self._entries:
            entry = model
        else:
            for pattern in self._entries:
                if fnmatchcase(model or "", pattern):
                    entry = pattern
                    break
        self._entry_of[model] = entry
        return entry

    def config_for(self, model: str | None) -> RateLimitConfig | None:
        entry = self.entry_for(model)
        return None if entry is None else self._entries[entry]

    def _scope(self, entry: str, key: str) -> _Scope:
        scope = self._scopes.get((entry, key))
        if scope is None:
            config = self._entries[entry]
            local = LocalBudgets(config.requests_per_minute, config.tokens_per_minute, self._clock())
            budgets: Budgets = local
            if config.backend is not None:
                from ._redis import RedisBudgets

                budgets = RedisBudgets(config, f"{entry}:{key}", local)
            scope = self._scopes[(entry, key)] = _Scope(entry, key, config, budgets)
        return scope

    # -- admission ----------------------------------------------------------------------------------------

    def scope_for(self, model: str | None, key: str = "") -> _Scope | None:
        """The budget governing ``model`` (and ``key``), made on first use; ``None``: not limited."""
        if not key:
            known: _Scope | None = self._scope_of.get(model, _UNKNOWN)
            if known is not _UNKNOWN:
                return known
        with self._lock:
            entry = self.entry_for(model)
            scope = None if entry is None else self._scope(entry, key)
            if not key:
                self._scope_of[model] = scope
            return scope

    def acquire(
        self,
        model: str | None,
        tokens: int,
        *,
        key: str = "",
        timeout: float | Callable[[], float | None] | None = None,
        request: requests.PreparedRequest | None = None,
    ) -> Ticket | None:
        """Wait until one request of ``tokens`` fits the budget of ``model`` (and ``key``); ``None``: unlimited.

        The wait is bounded by the smaller of the entry's ``max_wait`` and ``timeout``; when it would be longer,
        ``RateLimitExceededLocally`` is raised at once (or when the bound passes, for a concurrency slot).
        ``timeout`` may be a function giving it, called only when the call has to wait.
        """
        scope = self.scope_for(model, key)
        return None if scope is None else self.admit(scope, tokens, timeout=timeout, request=request)

    def admit(
        self,
        scope: _Scope,
        tokens: int,
        *,
        timeout: float | Callable[[], float | None] | None = None,
        request: requests.PreparedRequest | None = None,
    ) -> Ticket:
        """``acquire`` for a budget already looked up (``scope_for``)."""
        lock = self._lock
        lock.acquire()  # (not ``with``: a lock's __enter__ parses arguments, and this runs for every call)
        try:
            now = self._clock()
            charged = scope.admit_now(tokens, now)
            if charged is not None:
                return Ticket(scope, charged)
            wait, budget = scope.try_admit(tokens, now)
            if wait == 0.0:
                return Ticket(scope, tokens if scope.budgets.charges_tokens() else 0)
            if callable(timeout):
                timeout = timeout()
            return self._wait(scope, tokens, wait, budget, _bound(scope.config.max_wait, timeout), request)
        finally:
            lock.release()

    def _wait(
        self,
        scope: _Scope,
        tokens: int,
        wait: float | None,
        budget: str,
        bound: float,
        request: requests.PreparedRequest | None,
    ) -> Ticket:
        """The slow path of ``acquire``, with the lock held: wait on the condition until admitted or past ``bound``."""
        clock = self._clock
        cond = self._cond
        deadline = clock() + bound
        scope.waiting += 1
        self._waiting += 1
        try:
            while True:
                now = clock()
                left = deadline - now
                if (wait is None and left <= 0) or (wait is not None and wait > left):
                    scope.rejected += 1
                    raise RateLimitExceededLocally(budget, wait, bound, scope=scope.label, request=request)
                cond.wait(min(_WAIT_SLICE, left if wait is None else wait))
                wait, budget = scope.try_admit(tokens, clock())
                if wait == 0.0:
                    return Ticket(scope, tokens if scope.budgets.charges_tokens() else 0)
        finally:
            scope.waiting -= 1
            self._waiting -= 1

    def release(
        self, ticket: Ticket, used_tokens: int | None = None, snapshot: RateLimitSnapshot | None = None
    ) -> None:
        """Free the ticket's slot; with ``used_tokens``, refund or charge the difference to the estimate.

        ``snapshot``: the answer's rate-limit headers, applied as ``observe`` does (before the slot is freed),
        so that a finished call is one lock acquisition.
        """
        lock = self._lock
        lock.acquire()  # (not ``with``: a lock's __enter__ parses arguments, and this runs for every call)
        try:
            if ticket.released:
                return
            ticket.released = True
            scope = ticket.scope
            if used_tokens is not None and ticket.charged:
                scope.budgets.give(ticket.charged - used_tokens, self._clock())
            if snapshot is not None and scope.adaptive:
                scope.budgets.correct(snapshot, True, self._clock(), max(0, scope.in_flight - 1))
            scope.in_flight -= 1
            if self._waiting:
                self._cond.notify_all()
        finally:
            lock.release()

    def reconcile(self, ticket: Ticket, used_tokens: int) -> None:
        """Correct the charge to ``used_tokens`` now, keeping the slot (``release`` later frees it)."""
        with self._cond:
            if ticket.charged and not ticket.released:
                ticket.scope.budgets.give(ticket.charged - used_tokens, self._clock())
                ticket.charged = used_tokens
                if self._waiting:
                    self._cond.notify_all()

    # -- what the server says -----------------------------------------------------------------------------

    def observe(self, ticket: Ticket, snapshot: RateLimitSnapshot) -> None:
        """Correct the budget from a response's rate-limit headers (only with ``adaptive_throttling``)."""
        scope = ticket.scope
        if not scope.config.adaptive_throttling:
            return
        with self._cond:
            scope.budgets.correct(snapshot, True, self._clock(), max(0, scope.in_flight - 1))

    def pause(self, ticket: Ticket, seconds: float, snapshot: RateLimitSnapshot | None) -> None:
        """A 429: no admission on this budget for ``seconds``, then a gradual restart; levels follow the server."""
        scope = ticket.scope
        with self._cond:
            now = self._clock()
            scope.server_429s += 1
            scope.pause_until = max(scope.pause_until, now + seconds)
            scope.ramp_interval = _RAMP_FIRST
            scope.ramp_next = scope.pause_until
            if snapshot is not None:
                scope.budgets.correct(snapshot, scope.config.adaptive_throttling, now)
            pause_shared = getattr(scope.budgets, "pause", None)
            if pause_shared is not None:
                pause_shared(seconds)
            self._cond.notify_all()

    # -- for people and dashboards ------------------------------------------------------------------------

    def state(self) -> dict[str, BudgetState]:
        """Every budget used so far, by label (``entry`` or ``"entry [key]"``)."""
        with self._cond:
            now = self._clock()
            states = {}
            for scope in self._scopes.values():
                requests_left, rpm, tokens_left, tpm = scope.budgets.levels(now)
                states[scope.label] = BudgetState(
                    entry=scope.entry,
                    key=scope.key,
                    requests_left=requests_left,
                    requests_per_minute=rpm,
                    tokens_left=tokens_left,
                    tokens_per_minute=tpm,
                    in_flight=scope.in_flight,
                    max_concurrent=scope.config.max_concurrent,
                    waiting=scope.waiting,
                    paused_for=max(0.0, scope.pause_until - now),
                    admitted=scope.admitted,
                    rejected=scope.rejected,
                    throttled_by_server=scope.server_429s,
                    shared=scope.config.backend is not None,
                )
            return states

    def __repr__(self) -> str:
        return f"RateLimiter({self._entries!r})"


def _bound(max_wait: float | None, timeout: float | None) -> float:
    bounds = [b for b in (max_wait, timeout) if b is not None]
    return min(bounds) if bounds else math.inf
