"""``SQLiteCache``: a persistent store in one SQLite file (stdlib ``sqlite3``, WAL), shared by threads and processes.

Each thread has its own connection; WAL lets readers run beside one writer, and ``busy_timeout`` makes a writer
wait for another process's write instead of failing. The file is created with mode 0600. A file that is not a
database (truncated, overwritten) is moved aside and started afresh, with one warning; a bad entry is deleted.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from ._store import CorruptEntryError, decode_entry, encode_entry

__all__ = ["SQLiteCache", "default_path"]

log = logging.getLogger("cacheai")

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL, expires REAL, "
    "hits INTEGER NOT NULL DEFAULT 0)"
)


def default_path() -> Path:
    """Where ``"sqlite"`` without a path keeps its file: ``$XDG_CACHE_HOME/cacheai/cache.db``."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "cacheai" / "cache.db"


class SQLiteCache:
    """Entries in the SQLite file at ``path`` (created, with its directory, if missing)."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float = 5.0) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.timeout = timeout
        self._local = threading.local()
        self._generation = 0
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._create_file()

    def _create_file(self) -> None:
        if not self.path.exists():
            fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600)
            os.close(fd)

    def _connect(self) -> sqlite3.Connection:
        local = self._local
        conn: sqlite3.Connection | None = getattr(local, "conn", None)
        if conn is not None and local.generation == self._generation:
            return conn
        if conn is not None:
            conn.close()
        self._create_file()
        conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if "locked" in str(exc) or "busy" in str(exc):
                raise
            self._reset(exc)
            return self._connect()
        local.conn, local.generation = conn, self._generation
        return conn

    def _reset(self, exc: BaseException) -> None:
        """The file is not a usable database: move it aside and start a new one (one warning)."""
        with self._lock:
            log.warning("cacheai cache: %s is not a usable SQLite database (%s); starting a new one", self.path, exc)
            for suffix in ("", "-wal", "-shm"):
                try:
                    os.replace(f"{self.path}{suffix}", f"{self.path}{suffix}.corrupt")
                except FileNotFoundError:
                    pass
            self._generation += 1

    def _run(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        try:
            return self._connect().execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            if (
                "locked" in str(exc)
                or "busy" in str(exc)
                or (isinstance(exc, sqlite3.OperationalError) and ("disk" in str(exc) or "readonly" in str(exc)))
            ):
                raise
            self._reset(exc)
            return self._connect().execute(sql, args).fetchall()

    def get(self, key: str) -> dict[str, Any] | None:
        rows = self._run(
            "UPDATE entries SET hits = hits + 1 WHERE key = ? AND (expires IS NULL OR expires > ?) "
            "RETURNING value, hits",
            (key, time.time()),
        )
        if not rows:
            return None
        value, hits = rows[0]
        try:
            entry = decode_entry(value)
        except CorruptEntryError:
            self.delete(key)
            raise
        entry["hits"] = hits
        return entry

    def set(self, key: str, entry: dict[str, Any], ttl: float | None = None) -> None:
        expires = time.time() + ttl if ttl is not None else None
        self._run(
            "INSERT OR REPLACE INTO entries (key, value, expires, hits) VALUES (?, ?, ?, ?)",
            (key, encode_entry(entry), expires, int(entry.get("hits", 0))),
        )

    def delete(self, key: str) -> bool:
        return bool(self._run("DELETE FROM entries WHERE key = ? RETURNING 1", (key,)))

    def clear(self) -> int:
        return len(self._run("DELETE FROM entries RETURNING 1"))

    def stats(self) -> dict[str, Any]:
        count, size = self._run("SELECT COUNT(*), COALESCE(SUM(LENGTH(value)), 0) FROM entries")[0]
        return {"backend": "sqlite", "path": str(self.path), "entries": count, "bytes": size}

    def close(self) -> None:
        """Close this thread's connection (others close when their threads end)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def __repr__(self) -> str:
        return f"SQLiteCache({str(self.path)!r})"
