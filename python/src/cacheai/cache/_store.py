"""The ``Cache`` protocol every store implements, the JSON entry codec, and ``MemoryCache``.

An entry is a JSON object: ``request`` (a summary: method, path, model; never a key or a header), ``status``,
``headers`` (the answer's content type and request id), ``body`` (the answer's text), ``stream`` (the body is
an event stream), ``created`` (seconds since the epoch) and ``hits`` (times served). Stores keep the JSON bytes
and decode them with ``json`` only: a shared store must not execute what it reads (no pickle).
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import Any, Protocol, runtime_checkable

__all__ = ["Cache", "CorruptEntryError", "MemoryCache", "decode_entry", "encode_entry"]

_REQUIRED: dict[str, type | tuple[type, ...]] = {"status": int, "body": str, "created": (int, float)}


_ENTRY_OVERHEAD = 256  # bytes counted for an entry's fields other than its body


class CorruptEntryError(ValueError):
    """A stored entry could not be decoded; the store has discarded it."""


@runtime_checkable
class Cache(Protocol):
    """A store of entries by key. Implementations must be thread-safe; errors they raise are counted, not fatal.

    - ``get(key)``: the entry (its ``hits`` counted), or ``None``; raise ``CorruptEntryError`` after discarding
      an entry that does not decode.
    - ``set(key, entry, ttl)``: store (``ttl`` seconds, or ``None``: no expiry of its own).
    - ``delete(key)``: whether an entry was removed. ``clear()``: how many were.
    - ``stats()``: at least ``entries`` and ``bytes``.
    """

    def get(self, key: str) -> dict[str, Any] | None: ...

    def set(self, key: str, entry: dict[str, Any], ttl: float | None = None) -> None: ...

    def delete(self, key: str) -> bool: ...

    def clear(self) -> int: ...

    def stats(self) -> dict[str, Any]: ...


def encode_entry(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode_entry(data: bytes | str) -> dict[str, Any]:
    """The entry in ``data``, or ``CorruptEntryError``."""
    try:
        entry = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CorruptEntryError(f"a cache entry is not valid JSON: {exc}") from None
    if not isinstance(entry, dict) or any(not isinstance(entry.get(k), t) for k, t in _REQUIRED.items()):
        raise CorruptEntryError("a cache entry lacks its status, body or created time")
    return entry


class MemoryCache:
    """An in-process LRU store bounded by ``max_entries`` and ``max_bytes`` (of encoded entries).

    Entries are kept decoded, so that a hit costs no decoding; ``get`` returns a copy. Their size is counted as
    the characters of their answer (``body``) plus a fixed overhead for the rest, without encoding them.
    """

    def __init__(self, max_entries: int = 10_000, max_bytes: int = 256 * 1024 * 1024) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, tuple[dict[str, Any], int, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            entry, size, hits = found
            self._entries[key] = (entry, size, hits + 1)
            self._entries.move_to_end(key)
        entry = dict(entry)
        entry["hits"] = hits + 1
        return entry

    def set(self, key: str, entry: dict[str, Any], ttl: float | None = None) -> None:
        body = entry.get("body", "")
        size = len(body if isinstance(body, str) else str(body)) + _ENTRY_OVERHEAD
        if size > self.max_bytes:
            return
        kept = entry.copy()  # a private copy, its nested dicts (request, headers) too
        for name, value in entry.items():
            if type(value) is dict:
                kept[name] = value.copy()
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._entries[key] = (kept, size, int(entry.get("hits", 0)))
            self._bytes += size
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, (_dropped, dropped_size, _hits) = self._entries.popitem(last=False)
                self._bytes -= dropped_size

    def delete(self, key: str) -> bool:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is None:
                return False
            self._bytes -= old[1]
            return True

    def clear(self) -> int:
        with self._lock:
            count = len(self._entries)
            self._entries.clear()
            self._bytes = 0
            return count

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {"backend": "memory", "entries": len(self._entries), "bytes": self._bytes}

    def __repr__(self) -> str:
        return f"MemoryCache(max_entries={self.max_entries}, max_bytes={self.max_bytes})"
