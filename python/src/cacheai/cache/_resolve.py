"""From ``CacheAI(cache=...)`` (or ``CACHEAI_CACHE``) to the client's ``CacheLayer``."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from ._config import CacheConfig
from ._layer import CacheLayer
from ._store import Cache, MemoryCache

__all__ = ["CacheSpec", "build_layer", "for_copy", "open_store"]

CacheSpec = Any  # None | bool | str | CacheConfig | Cache | CacheLayer

ENV = "CACHEAI_CACHE"


def open_store(spec: str, config: CacheConfig | None = None) -> Cache:
    """A store from a name or URL: ``memory``, ``sqlite`` (the default file), ``sqlite:///path``, ``redis://...``."""
    config = config or CacheConfig()
    if spec in ("memory", "true", "1", "on"):
        return MemoryCache(config.max_entries, config.max_bytes)
    if spec == "sqlite" or spec.startswith("sqlite://"):
        from ._sqlite import SQLiteCache

        path = spec[len("sqlite://") :] if spec.startswith("sqlite://") else ""
        return SQLiteCache(path or None)
    if spec.startswith(("redis://", "rediss://", "unix://")):
        from ._redis import RedisCache

        prefix = f"cacheai:{config.namespace}:" if config.namespace else "cacheai:"
        return RedisCache(spec, prefix=prefix)
    raise ValueError(
        f"Unknown cache {spec!r}: use 'memory', 'sqlite', 'sqlite:///path/cache.db', 'redis://host:6379/0', "
        "a CacheConfig, or a Cache instance"
    )


def build_layer(spec: CacheSpec, config: CacheConfig | None = None) -> CacheLayer | None:
    """The layer for ``spec``; ``None`` (use ``CACHEAI_CACHE`` if set) and ``False`` mean no cache."""
    if spec is None:
        spec = os.environ.get(ENV) or None
        if spec is None or spec.lower() in ("0", "off", "false", "none"):
            return None
    if spec is False:
        return None
    if isinstance(spec, CacheLayer):
        return spec
    if isinstance(spec, CacheConfig):
        config, spec = spec, "memory"
    config = config or CacheConfig()
    if spec is True:
        spec = "memory"
    if isinstance(spec, str):
        return CacheLayer(open_store(spec.strip(), config), config)
    if isinstance(spec, Cache):
        return CacheLayer(spec, config)
    raise TypeError(f"cache= takes 'memory', True, a URL, a CacheConfig or a Cache instance, got {type(spec).__name__}")


def with_config(layer: CacheLayer, **changes: Any) -> CacheLayer:
    """The same store with some config fields changed."""
    return CacheLayer(layer.store, replace(layer.config, **changes))


def for_copy(
    cache: CacheLayer | None, layers: tuple[Any, ...], spec: CacheSpec
) -> tuple[CacheLayer | None, tuple[Any, ...]]:
    """A ``with_options(cache=...)`` copy's cache and layers: a control makes a view of the shared cache."""
    from ._config import CacheControl

    is_control = isinstance(spec, (CacheControl, dict)) or spec in ("refresh", "no-store", "no_store", "bypass")
    if is_control or spec is False:
        if cache is None:
            return None, layers
        new: CacheLayer | None = cache.with_control(spec)
    else:
        new = build_layer(spec)
    rest = tuple(layer for layer in layers if layer is not cache)
    return new, ((new,) if new is not None else ()) + rest
