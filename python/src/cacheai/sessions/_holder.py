"""``StoreHolder``: one client family's session store, built on first use."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._stores import SessionStore

__all__ = ["StoreHolder"]


class StoreHolder:
    """The session store of one client family, built on first use (a client that never uses sessions pays nothing)."""

    def __init__(self, spec: SessionStore | str | None, cache_store: object = None) -> None:
        self._spec = spec
        self._cache_store = cache_store
        self._store: SessionStore | None = None
        self._lock = threading.Lock()

    def get(self) -> SessionStore:
        with self._lock:
            if self._store is None:
                from ._stores import store_beside, store_from

                beside = store_beside(self._cache_store) if self._spec is None else None
                self._store = beside if beside is not None else store_from(self._spec)
            return self._store
