"""Where sessions live: the ``SessionStore`` protocol and its memory, SQLite and Redis stores.

A store keeps one JSON record per session id. ``store_from(...)`` turns ``CacheAI(sessions=...)`` into a store:
``None``/``"memory"``, ``"sqlite:///path/to/file.db"``, ``"redis://host:port/db"`` (the optional ``redis``
extra, imported only then), or any object with the protocol's four methods.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from .._redis import redis_client

__all__ = ["MemorySessionStore", "RedisSessionStore", "SQLiteSessionStore", "SessionStore", "store_from"]


@runtime_checkable
class SessionStore(Protocol):
    """A place for session records (JSON-ready dicts), by id. Implementations must be thread-safe."""

    def load(self, session_id: str) -> dict[str, Any] | None: ...

    def save(self, session_id: str, record: dict[str, Any]) -> None: ...

    def delete(self, session_id: str) -> bool: ...

    def ids(self) -> list[str]: ...


class MemorySessionStore:
    """Sessions in this process only (the default); records are stored as JSON text, so nothing is shared."""

    def __init__(self) -> None:
        self._records: dict[str, str] = {}
        self._lock = threading.Lock()

    def load(self, session_id: str) -> dict[str, Any] | None:
        text = self._records.get(session_id)
        return None if text is None else json.loads(text)

    def save(self, session_id: str, record: dict[str, Any]) -> None:
        with self._lock:
            self._records[session_id] = json.dumps(record)

    def delete(self, session_id: str) -> bool:
        with self._lock:
            return self._records.pop(session_id, None) is not None

    def ids(self) -> list[str]:
        return list(self._records)


class SQLiteSessionStore:
    """Sessions in one SQLite file (table ``cacheai_sessions``), readable by any process that opens it."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        with self._lock, self._db:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS cacheai_sessions (id TEXT PRIMARY KEY, record TEXT NOT NULL, "
                "created REAL NOT NULL, updated REAL NOT NULL)"
            )

    def load(self, session_id: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._db.execute("SELECT record FROM cacheai_sessions WHERE id = ?", (session_id,)).fetchone()
        return None if row is None else json.loads(row[0])

    def save(self, session_id: str, record: dict[str, Any]) -> None:
        now = time.time()
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO cacheai_sessions (id, record, created, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET record = excluded.record, updated = excluded.updated",
                (session_id, json.dumps(record), now, now),
            )

    def delete(self, session_id: str) -> bool:
        with self._lock, self._db:
            return self._db.execute("DELETE FROM cacheai_sessions WHERE id = ?", (session_id,)).rowcount > 0

    def ids(self) -> list[str]:
        with self._lock:
            rows = self._db.execute("SELECT id FROM cacheai_sessions ORDER BY created, id").fetchall()
        return [row[0] for row in rows]

    def close(self) -> None:
        self._db.close()


class RedisSessionStore:
    """Sessions in Redis (``<prefix><id>`` strings and a ``<prefix>ids`` sorted set by creation time)."""

    def __init__(self, url_or_client: Any, *, prefix: str = "cacheai:session:") -> None:
        if isinstance(url_or_client, str):
            url_or_client = redis_client(url_or_client, needed_by="A redis:// session store")
        self._redis = url_or_client
        self.prefix = prefix

    def load(self, session_id: str) -> dict[str, Any] | None:
        text = self._redis.get(self.prefix + session_id)
        return None if text is None else json.loads(text)

    def save(self, session_id: str, record: dict[str, Any]) -> None:
        pipe = self._redis.pipeline()
        pipe.set(self.prefix + session_id, json.dumps(record))
        pipe.zadd(self.prefix + "ids", {session_id: time.time()}, nx=True)
        pipe.execute()

    def delete(self, session_id: str) -> bool:
        pipe = self._redis.pipeline()
        pipe.delete(self.prefix + session_id)
        pipe.zrem(self.prefix + "ids", session_id)
        removed, _ = pipe.execute()
        return bool(removed)

    def ids(self) -> list[str]:
        return [i.decode() if isinstance(i, bytes) else str(i) for i in self._redis.zrange(self.prefix + "ids", 0, -1)]


def store_from(value: SessionStore | str | None) -> SessionStore:
    """The store for ``CacheAI(sessions=value)``; a clear ``ValueError`` for a URL it cannot read."""
    if value is None or value == "memory":
        return MemorySessionStore()
    if isinstance(value, str):
        if value.startswith("sqlite:///"):
            return SQLiteSessionStore(value[len("sqlite:///") :])
        if value.startswith(("redis://", "rediss://", "unix://")):
            return RedisSessionStore(value)
        raise ValueError(
            f"sessions= takes 'memory', 'sqlite:///path/to/file.db', 'redis://host:port/0' or a SessionStore, "
            f"got {value!r}"
        )
    if isinstance(value, SessionStore):
        return value
    raise TypeError(f"sessions= takes a URL string or a SessionStore, got {type(value).__name__}")


def store_beside(cache_store: object) -> SessionStore | None:
    """Sessions kept where the response cache keeps its entries (its SQLite file or its Redis), else ``None``.

    Without ``CacheAI(sessions=...)``, a client whose cache is persistent keeps its sessions there too, so a new
    process can continue a session by id; an in-memory cache (or none) leaves sessions in memory.
    """
    if cache_store is None:
        return None
    from ..cache._sqlite import SQLiteCache

    if isinstance(cache_store, SQLiteCache):
        return SQLiteSessionStore(cache_store.path)
    from ..cache._redis import RedisCache  # imports redis only when used: the module itself is light

    if isinstance(cache_store, RedisCache):
        return RedisSessionStore(cache_store.client)
    return None
