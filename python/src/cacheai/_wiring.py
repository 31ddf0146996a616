"""Building the optional layers and features ``CacheAI(...)`` is configured with, each from its own module.

Imports are deferred so that a client configured without a feature never imports its module.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._breaker import CircuitBreaker, CircuitBreakerConfig
    from ._keys import KeyPool
    from ._layers import Layer
    from ._prices import Price
    from .batch import BatchConfig
    from .cache import CacheLayer
    from .cache_service import CacheAIService
    from .limits import RateLimitConfig, RateLimiter
    from .limits._layer import RateLimitLayer
    from .sessions import SessionStore


def key_pool_of(api_key: str | Sequence[str] | KeyPool) -> tuple[KeyPool | None, str | None]:
    """A pool for several keys (a list, a ``KeyPool`` or a comma-separated string), else the one key."""
    if isinstance(api_key, str) and "," not in api_key:
        return None, api_key  # the common case: one key, and the pool's module is never imported
    from ._keys import KeyPool, keys_from

    if isinstance(api_key, KeyPool):
        return api_key, None
    keys = keys_from(api_key) if isinstance(api_key, str) else list(api_key)
    if len(keys) == 1:
        return None, keys[0]
    return KeyPool(keys), None


class StoreHolder:
    """The session store of one client family, built on first use (a client that never uses sessions pays nothing,
    not even the import of ``cacheai.sessions``)."""

    def __init__(self, spec: SessionStore | str | None, cache_store: object = None) -> None:
        self._spec = spec
        self._cache_store = cache_store
        self._store: SessionStore | None = None
        self._lock = threading.Lock()

    def get(self) -> SessionStore:
        with self._lock:
            if self._store is None:
                from .sessions._stores import store_beside, store_from

                beside = store_beside(self._cache_store) if self._spec is None else None
                self._store = beside if beside is not None else store_from(self._spec)
            return self._store


def cache_of(cache: object) -> CacheLayer | CacheAIService | None:
    """The cache layer for ``cache=``: the CacheAI service, or a local cache (see ``cache/_resolve.py``)."""
    if cache is None and not os.environ.get("CACHEAI_CACHE"):
        return None  # no cache asked for (``cache/_resolve.py`` reads the same variable): nothing to import
    if cache is not None and not isinstance(cache, (str, bool)):
        from .cache_service import CacheAIService

        if isinstance(cache, CacheAIService):
            return cache
    from .cache._resolve import build_layer

    return build_layer(cache)


def cache_for_copy(
    current: CacheLayer | CacheAIService | None, layers: tuple[Layer, ...], spec: object
) -> tuple[CacheLayer | CacheAIService | None, tuple[Layer, ...]]:
    """A ``with_options(cache=...)`` copy's cache and layers (the service has no per-call controls)."""
    from .cache._resolve import for_copy
    from .cache_service import CacheAIService

    if not isinstance(current, CacheAIService) and not isinstance(spec, CacheAIService):
        return for_copy(current, layers, spec)
    new = None if spec is False else cache_of(spec)
    rest = tuple(layer for layer in layers if layer is not current)
    return new, ((new,) if new is not None else ()) + rest


def rate_limit_layer_of(
    rate_limit: RateLimitConfig | Mapping[str, RateLimitConfig] | RateLimiter | None,
) -> RateLimitLayer | None:
    """The limiter's layer for ``rate_limit=`` (see ``limits/_layer.py``), or ``None`` when not given."""
    if rate_limit is None:
        return None
    from .limits._layer import make_layer

    return make_layer(rate_limit)


def breaker_of(config: CircuitBreakerConfig | bool | None) -> CircuitBreaker | None:
    if config is None or config is False:
        return None
    from ._breaker import CircuitBreaker, CircuitBreakerConfig

    if config is True:
        return CircuitBreaker()
    if not isinstance(config, CircuitBreakerConfig):
        raise TypeError(f"circuit_breaker must be a CircuitBreakerConfig or True, got {type(config).__name__}")
    return CircuitBreaker(config)


def coerce_prices(prices: Mapping[str, Any]) -> dict[str, Price]:
    from ._prices import coerce_prices

    coerced: dict[str, Price] = coerce_prices(prices)
    return coerced


def batch_config(batch: BatchConfig | None) -> BatchConfig | None:
    """``batch=`` checked; ``None`` stays ``None`` (the default config is built on first use, not per client)."""
    if batch is None:
        return None
    from .batch._config import BatchConfig

    if not isinstance(batch, BatchConfig):
        raise TypeError(f"batch must be a cacheai.batch.BatchConfig, got {type(batch).__name__}")
    return batch
