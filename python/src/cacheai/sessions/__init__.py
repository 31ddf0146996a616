"""Conversation sessions: ``client.sessions.create(...)``, ``session.send(...)``/``stream(...)``, stores."""

from ._session import Session, SessionNotFoundError, Sessions, estimate_tokens, trim_history
from ._stores import MemorySessionStore, RedisSessionStore, SessionStore, SQLiteSessionStore, store_from

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
