"""``RedisCache``: entries in Redis, shared by every process on every machine that points at it.

The ``redis`` package is an optional extra (``pip install 'cacheai[redis]'``), imported when a ``RedisCache``
is built. Entries are JSON strings under ``<prefix><key>``, their hit counts under ``<prefix>hits:<key>``; a TTL
becomes Redis' own expiry. Socket timeouts are short by default so that a slow Redis costs a call little: its
errors are the layer's to count, and the next call tries Redis again.
"""

from __future__ import annotations

from typing import Any

from .._redis import redis_client
from ._store import CorruptEntryError, decode_entry, encode_entry

__all__ = ["RedisCache"]


class RedisCache:
    """A store in Redis: ``RedisCache("redis://host:6379/0")`` or ``RedisCache(redis.Redis(...))``."""

    def __init__(
        self, url_or_client: Any = "redis://localhost:6379/0", *, prefix: str = "cacheai:", timeout: float = 0.5
    ) -> None:
        if isinstance(url_or_client, str):
            self.client = redis_client(url_or_client, needed_by="RedisCache", timeout=timeout, health_check_interval=30)
            self.url: str | None = url_or_client
        else:
            self.client = url_or_client
            self.url = None
        self.prefix = prefix

    def get(self, key: str) -> dict[str, Any] | None:
        name = self.prefix + key
        pipe = self.client.pipeline(transaction=False)
        pipe.get(name)
        pipe.incr(self.prefix + "hits:" + key)
        value, hits = pipe.execute()
        if value is None:
            self.client.delete(self.prefix + "hits:" + key)
            return None
        try:
            entry = decode_entry(value)
        except CorruptEntryError:
            self.delete(key)
            raise
        entry["hits"] = int(hits)
        return entry

    def set(self, key: str, entry: dict[str, Any], ttl: float | None = None) -> None:
        pipe = self.client.pipeline(transaction=False)
        expiry = max(1, int(ttl + 0.999)) if ttl is not None else None
        pipe.set(self.prefix + key, encode_entry(entry), ex=expiry)
        pipe.set(self.prefix + "hits:" + key, int(entry.get("hits", 0)), ex=expiry)
        pipe.execute()

    def delete(self, key: str) -> bool:
        return bool(self.client.delete(self.prefix + key, self.prefix + "hits:" + key))

    def _keys(self) -> list[bytes]:
        return [k for k in self.client.scan_iter(match=self.prefix + "*", count=1000)]

    def clear(self) -> int:
        keys = self._keys()
        entries = sum(1 for k in keys if not k.startswith((self.prefix + "hits:").encode()))
        for start in range(0, len(keys), 500):
            self.client.delete(*keys[start : start + 500])
        return entries

    def stats(self) -> dict[str, Any]:
        hits_prefix = (self.prefix + "hits:").encode()
        names = [k for k in self._keys() if not k.startswith(hits_prefix)]
        size = sum(int(self.client.strlen(k)) for k in names)
        return {"backend": "redis", "entries": len(names), "bytes": size}

    def __repr__(self) -> str:
        return f"RedisCache({self.url or self.client!r})"
