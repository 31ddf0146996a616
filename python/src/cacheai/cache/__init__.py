"""The response cache: exact-match, in memory, in SQLite or in Redis; streams replayed chunk by chunk.

Turn it on with ``CacheAI(cache="memory" | "sqlite:///path.db" | "redis://host:6379/0" | CacheConfig(...) |
a Cache)`` or ``CACHEAI_CACHE=<url>``; ``client.cache`` is the ``CacheLayer`` (``stats``, ``clear``, ``get``,
``update``, ``delete``). Per call: ``cache="refresh" | "no-store" | "bypass" | CacheControl(max_age=...)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._config import DEFAULT_ENDPOINTS, CacheConfig, CacheControl
from ._key import KEY_VERSION, make_key
from ._layer import CacheLayer
from ._resolve import build_layer, open_store
from ._store import Cache, CorruptEntryError, MemoryCache

if TYPE_CHECKING:
    from ._redis import RedisCache
    from ._sqlite import SQLiteCache

__all__ = [
    "DEFAULT_ENDPOINTS",
    "KEY_VERSION",
    "Cache",
    "CacheConfig",
    "CacheControl",
    "CacheLayer",
    "CorruptEntryError",
    "MemoryCache",
    "RedisCache",
    "SQLiteCache",
    "build_layer",
    "make_key",
    "open_store",
]


def __getattr__(name: str) -> Any:
    if name == "SQLiteCache":
        from ._sqlite import SQLiteCache

        return SQLiteCache
    if name == "RedisCache":
        from ._redis import RedisCache

        return RedisCache
    raise AttributeError(name)
