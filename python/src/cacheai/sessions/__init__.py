"""Conversation sessions: ``client.sessions.create(...)``, ``session.send(...)``/``stream(...)``, stores."""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ._session import Session, SessionNotFoundError, Sessions, estimate_tokens, trim_history
    from ._stores import MemorySessionStore, RedisSessionStore, SessionStore, SQLiteSessionStore, store_from

# Imported on first use: a client that never uses sessions never loads them.
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "MemorySessionStore": "._stores",
        "RedisSessionStore": "._stores",
        "SQLiteSessionStore": "._stores",
        "Session": "._session",
        "SessionNotFoundError": "._session",
        "SessionStore": "._stores",
        "Sessions": "._session",
        "estimate_tokens": "._session",
        "store_from": "._stores",
        "trim_history": "._session",
    },
)

__all__ = [
    "MemorySessionStore",
    "RedisSessionStore",
    "SQLiteSessionStore",
    "Session",
    "SessionNotFoundError",
    "SessionStore",
    "Sessions",
    "estimate_tokens",
    "store_from",
    "trim_history",
]
