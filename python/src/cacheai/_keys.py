"""Several API keys for one client: rotation, resting on 429, taking a key out on 401/403.

``KeyPool`` is a layer (``_layers.py``): before every attempt it picks a key and sets the ``Authorization``
header of the prepared request; after it, it records the outcome. A 429 rests the key until the server's reset
(``retry-after``/``x-ratelimit-reset-*``) and asks for the retry at once (delay 0), so it goes out on the next key;
a 401/403 takes the key out of rotation with one warning naming it by its fingerprint. When every usable key is
resting, an attempt waits for the first one to come back, up to ``max_wait_s``, else raises ``NoKeyAvailableError``.

Keys are never logged or shown in full: ``fingerprint`` is what stats, warnings and ``repr`` use, and what
``exchange.notes["api_key_fingerprint"]`` carries for per-key budgets.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ._exceptions import OpenAIError
from ._layers import Layer
from ._ratelimit_headers import parse_rate_limit_headers
from ._retry import retry_after_seconds

if TYPE_CHECKING:
    import requests

    from ._exchange import Exchange
    from ._ratelimit_headers import RateLimitSnapshot

__all__ = ["KeyPool", "KeyStats", "NoKeyAvailableError", "fingerprint", "keys_from"]

log = logging.getLogger("cacheai")

Strategy = Literal["round_robin", "least_used"]
FINGERPRINT_NOTE = "api_key_fingerprint"
_ENTRY_NOTE = "key_pool"
_SKIP_NOTE = "key_pool_skip"


def fingerprint(key: str) -> str:
    """A short, stable name for a key that does not reveal it: ``sk-...wxyz`` for long keys, else a hash."""
    if len(key) >= 20 and key.isprintable() and not any(ch.isspace() for ch in key[:3] + key[-4:]):
        return f"{key[:3]}...{key[-4:]}"
    return "key#" + hashlib.sha256(key.encode()).hexdigest()[:8]


def keys_from(value: str) -> list[str]:
    """The keys of a comma-separated string (``CACHEAI_API_KEY="sk-a,sk-b"``), blanks dropped."""
    return [part.strip() for part in value.split(",") if part.strip()]


class NoKeyAvailableError(OpenAIError):
    """No key can send the request: all are taken out (401/403), or all rest longer than the pool may wait."""

    def __init__(self, message: str, *, retry_in_s: float | None = None) -> None:
        super().__init__(message)
        self.retry_in_s = retry_in_s


@dataclass(frozen=True)
class KeyStats:
    """One key's record in ``client.keys.stats()`` (``resting_until`` is on the pool's clock, ``time.monotonic``).

    ``rate_limit`` is the snapshot of the rate-limit headers of the key's latest response, if it had any.
    """

    fingerprint: str
    requests: int
    failures: int
    resting_until: float | None
    blocked: bool
    blocked_reason: str | None = None
    rate_limit: RateLimitSnapshot | None = None


class _Key:
    __slots__ = ("blocked", "failures", "fingerprint", "headers", "reason", "requests", "resting_until", "value")

    def __init__(self, value: str) -> None:
        self.value = value
        self.fingerprint = fingerprint(value)
        self.requests = 0
        self.failures = 0
        self.resting_until = 0.0
        self.blocked = False
        self.reason: str | None = None
        self.headers: Mapping[str, str] | None = None  # of the latest response, parsed only by stats()

    def __repr__(self) -> str:
        return f"<key {self.fingerprint}>"


class KeyPool(Layer):
    """Rotates API keys (``round_robin`` or ``least_used``); thread-safe, shared by ``with_options`` copies.

    ``rest_s`` is how long a 429 rests a key when the server says nothing about its reset; ``max_wait_s`` bounds
    the wait when every key is resting (``0``: raise at once). ``clock``/``sleep`` are injectable for tests.
    """

    def __init__(
        self,
        keys: Iterable[str],
        *,
        strategy: Strategy = "round_robin",
        rest_s: float = 20.0,
        max_wait_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if isinstance(keys, str):
            keys = keys_from(keys)
        values = list(keys)
        for value in values:
            if not isinstance(value, str) or not value.strip():
                raise TypeError("KeyPool takes non-empty API key strings")
        if not values:
            raise ValueError("KeyPool needs at least one API key")
        if len(set(values)) != len(values):
            raise ValueError("KeyPool was given the same API key twice")
        if strategy not in ("round_robin", "least_used"):
            raise ValueError(f"strategy must be 'round_robin' or 'least_used', got {strategy!r}")
        if rest_s < 0 or max_wait_s < 0:
            raise ValueError("rest_s and max_wait_s must not be negative")
        self.strategy: Strategy = strategy
        self.rest_s = rest_s
        self.max_wait_s = max_wait_s
        self._clock = clock
        self._sleep = sleep
        self._keys = [_Key(value) for value in values]
        self._cursor = 0
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        names = [key.fingerprint for key in self._keys]
        return f"KeyPool({names!r}, strategy={self.strategy!r})"

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def fingerprints(self) -> list[str]:
        return [key.fingerprint for key in self._keys]

    # -- the manual controls (the proxy's /tokens/stats, /tokens/rotate, /tokens/reset-stats) ----------------

    def stats(self) -> list[KeyStats]:
        """Each key's requests, failures, rest and block, in the pool's order."""
        now = self._clock()
        with self._lock:
            return [
                KeyStats(
                    fingerprint=key.fingerprint,
                    requests=key.requests,
                    failures=key.failures,
                    resting_until=key.resting_until if key.resting_until > now else None,
                    blocked=key.blocked,
                    blocked_reason=key.reason,
                    rate_limit=parse_rate_limit_headers(key.headers) if key.headers is not None else None,
                )
                for key in self._keys
            ]

    def rotate(self) -> str:
        """Make the next usable key the current one (round-robin); its fingerprint."""
        with self._lock:
            self._cursor = (self._cursor + 1) % len(self._keys)
            return self._keys[self._cursor].fingerprint

    @property
    def current(self) -> str:
        """The fingerprint of the key the next round-robin pick starts from."""
        return self._keys[self._cursor].fingerprint

    def reset(self) -> None:
        """Forget counts, rests and blocks: every key is back in rotation."""
        with self._lock:
            for key in self._keys:
                key.requests = key.failures = 0
                key.resting_until = 0.0
                key.blocked = False
                key.reason = None
                key.headers = None
            self._cursor = 0

    # -- picking -------------------------------------------------------------------------------------------

    def acquire(self) -> tuple[str, str]:
        """The key (and its fingerprint) for the next request, waiting for a resting one within ``max_wait_s``."""
        key = self._acquire()
        return key.value, key.fingerprint

    def _acquire(self) -> _Key:
        waited = 0.0
        while True:
            with self._lock:
                now = self._clock()
                key = self._pick(now)
                if key is not None:
                    key.requests += 1
                    return key
                usable = [k for k in self._keys if not k.blocked]
                if not usable:
                    names = ", ".join(f"{k.fingerprint} ({k.reason})" for k in self._keys)
                    raise NoKeyAvailableError(f"Every API key was rejected by the server: {names}")
                wait = min(k.resting_until for k in usable) - now
            if waited + wait > self.max_wait_s:
                raise NoKeyAvailableError(
                    f"Every API key is resting after a 429; the first is back in {wait:.1f}s, longer than the "
                    f"pool waits (max_wait_s={self.max_wait_s})",
                    retry_in_s=wait,
                )
            log.info("Every API key is resting; waiting %.2f seconds", wait)
            self._sleep(wait)
            waited += wait

    def _pick(self, now: float) -> _Key | None:
        count = len(self._keys)
        if self.strategy == "least_used":
            ready = [k for k in self._keys if not k.blocked and k.resting_until <= now]
            return min(ready, key=lambda k: k.requests) if ready else None
        for step in range(count):
            index = (self._cursor + step) % count
            key = self._keys[index]
            if not key.blocked and key.resting_until <= now:
                self._cursor = (index + 1) % count
                return key
        return None

    def _has_ready_key(self) -> bool:
        now = self._clock()
        return any(not k.blocked and k.resting_until <= now for k in self._keys)

    # -- the layer hooks -----------------------------------------------------------------------------------

    def before_attempt(self, exchange: Exchange) -> None:
        headers = exchange.request.headers
        if exchange.attempt == 0 and any(name.lower() == "authorization" for name in headers):
            exchange.notes[_SKIP_NOTE] = True  # the caller chose a key for this call
        if exchange.notes.get(_SKIP_NOTE):
            return
        key = self._acquire()
        headers["Authorization"] = f"Bearer {key.value}"
        exchange.notes[FINGERPRINT_NOTE] = key.fingerprint
        exchange.notes[_ENTRY_NOTE] = key

    def after_attempt(
        self, exchange: Exchange, response: requests.Response | None, error: BaseException | None
    ) -> float | None:
        key: _Key | None = exchange.notes.get(_ENTRY_NOTE)
        if key is None or exchange.notes.get(_SKIP_NOTE):
            return None
        fp = key.fingerprint
        status = response.status_code if response is not None else 0
        if response is not None:
            key.headers = response.headers  # one store; atomic under the GIL
            if status < 400:
                return None
        warn: str | None = None
        with self._lock:
            key.failures += 1
            if status == 429:
                rest = _rest_seconds(response.headers if response is not None else {}, self.rest_s)
                key.resting_until = max(key.resting_until, self._clock() + rest)
                log.info("API key %s got a 429; resting it for %.2f seconds", fp, rest)
                return 0.0
            if status not in (401, 403):
                return None
            if not key.blocked:
                key.blocked = True
                key.reason = str(status)
                warn = fp
        if warn is not None:
            log.warning(
                "API key %s was rejected with %d and is taken out of rotation (client.keys.reset() puts it back)",
                warn,
                status,
            )
        return 0.0 if self._has_ready_key() else None


def _rest_seconds(headers: object, default: float) -> float:
    """How long a 429 rests a key: the server's retry-after, else its rate-limit reset, else ``default``."""
    if not isinstance(headers, Mapping):
        return default
    wait = retry_after_seconds(headers)
    if wait is not None:
        return wait
    snapshot = parse_rate_limit_headers(headers)
    if snapshot is not None:
        resets = [s for s in (snapshot.reset_requests_s, snapshot.reset_tokens_s) if s is not None]
        if resets:
            return max(resets)
    return default
