"""``redis_client``: the one place a ``redis.Redis`` is made from a URL (response cache, sessions, rate limits).

``redis`` is an optional extra (``pip install 'cacheai[redis]'``), imported only here and only when a Redis URL
is used; without it the error says which feature needed it and how to install it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["redis_client"]


def redis_client(url: str, *, needed_by: str, timeout: float | None = None, **options: Any) -> Any:
    """A ``redis.Redis`` for ``url`` (connections are opened on first use, not here).

    ``needed_by`` names the feature in the ``ImportError`` raised when ``redis`` is not installed. ``timeout``
    (seconds) bounds both connecting and every socket operation; ``options`` go to ``redis.Redis.from_url``.
    """
    try:
        import redis
    except ImportError as exc:
        raise ImportError(f"{needed_by} needs the redis package: pip install 'cacheai[redis]'") from exc
    if timeout is not None:
        options.setdefault("socket_timeout", timeout)
        options.setdefault("socket_connect_timeout", timeout)
    return redis.Redis.from_url(url, **options)
