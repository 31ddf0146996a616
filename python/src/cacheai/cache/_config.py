"""``CacheConfig`` (what is cached, for how long, under which namespace) and ``CacheControl`` (per call)."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["DEFAULT_ENDPOINTS", "CacheConfig", "CacheControl", "coerce_control"]

# POST endpoints whose answers depend only on the request; files, batches, deletes and other state changes never.
DEFAULT_ENDPOINTS = frozenset({"chat/completions", "completions", "embeddings", "responses"})


@dataclass(frozen=True)
class CacheConfig:
    """How a client caches.

    - ``ttl``: seconds an entry is served (``None``: forever).
    - ``namespace``: entries are shared only within one namespace (also a prefix in shared stores).
    - ``max_entries``/``max_bytes``: the in-memory store's bounds (least recently used first out).
    - ``endpoints``: the paths cached (relative to the base URL), POST only.
    - ``deterministic_only``: cache only requests with ``temperature`` 0 or a ``seed``. Off by default: turning
      the cache on is a request not to pay twice for the same request (re-runs, resumed batches), sampled or not;
      turn it on where repeated calls are meant to draw new samples.
    - ``scope_by_api_key``: entries are shared by every key of one base URL, organization and project unless this
      is set; then they are scoped by a keyed hash of the key (never the key itself).
    - ``ignore_params``: top-level body fields left out of the key (e.g. ``user``, ``metadata``).
    - ``clock``: the time source (seconds since the epoch), injectable for tests.
    """

    ttl: float | None = None
    namespace: str = ""
    max_entries: int = 10_000
    max_bytes: int = 256 * 1024 * 1024
    endpoints: frozenset[str] = DEFAULT_ENDPOINTS
    deterministic_only: bool = False
    scope_by_api_key: bool = False
    ignore_params: frozenset[str] = frozenset()
    clock: Callable[[], float] = field(default=time.time, compare=False)

    def __post_init__(self) -> None:
        if self.ttl is not None and self.ttl <= 0:
            raise ValueError(f"CacheConfig.ttl must be positive seconds or None, got {self.ttl!r}")
        if self.max_entries < 1 or self.max_bytes < 1:
            raise ValueError("CacheConfig.max_entries and max_bytes must be positive")
        object.__setattr__(self, "endpoints", frozenset(e.strip("/") for e in self.endpoints))
        object.__setattr__(self, "ignore_params", frozenset(self.ignore_params))


@dataclass(frozen=True)
class CacheControl:
    """Per-call cache behaviour (``cache=`` on a call, or ``client.with_options(cache=...)``).

    - ``refresh``: skip the lookup, send, and store the new answer.
    - ``no_store``: look up, but do not store a miss's answer.
    - ``bypass``: neither look up nor store.
    - ``max_age``: serve only entries younger than this many seconds.
    """

    refresh: bool = False
    no_store: bool = False
    bypass: bool = False
    max_age: float | None = None


_NAMED: dict[str, CacheControl] = {
    "refresh": CacheControl(refresh=True),
    "no-store": CacheControl(no_store=True),
    "no_store": CacheControl(no_store=True),
    "bypass": CacheControl(bypass=True),
    "off": CacheControl(bypass=True),
}

ControlLike = CacheControl | Literal["refresh", "no-store", "bypass"] | Mapping[str, Any] | bool | None


def coerce_control(value: object) -> CacheControl | None:
    """A ``CacheControl`` from a name, a mapping of its fields, ``False`` (bypass) or ``None``/``True``."""
    if value is None or value is True:
        return None
    if value is False:
        return _NAMED["bypass"]
    if isinstance(value, CacheControl):
        return value
    if isinstance(value, str) and value in _NAMED:
        return _NAMED[value]
    if isinstance(value, Mapping):
        return CacheControl(**value)
    raise ValueError(f"cache= takes a CacheControl, 'refresh', 'no-store', 'bypass', False or a mapping, got {value!r}")
