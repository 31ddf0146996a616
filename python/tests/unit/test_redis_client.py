"""``cacheai._redis.redis_client``: the one helper that makes a Redis client from a URL (cache, sessions, limits)."""

from __future__ import annotations

import sys

import pytest

from cacheai._redis import redis_client
from cacheai.cache import RedisCache
from cacheai.sessions import RedisSessionStore


def test_the_timeout_bounds_connecting_and_every_operation_and_options_pass_through() -> None:
    client = redis_client("redis://127.0.0.1:1/3", needed_by="test", timeout=0.25, health_check_interval=7)
    kwargs = client.connection_pool.connection_kwargs
    assert kwargs["socket_timeout"] == kwargs["socket_connect_timeout"] == 0.25
    assert kwargs["health_check_interval"] == 7 and kwargs["db"] == 3 and kwargs["port"] == 1
    untimed = redis_client("redis://127.0.0.1:1/0", needed_by="test").connection_pool.connection_kwargs
    assert untimed.get("socket_timeout") is None  # redis' own default: no timeout given, none set


def test_every_feature_builds_its_client_through_it() -> None:
    cache = RedisCache("redis://127.0.0.1:1/0", timeout=0.3)
    assert cache.client.connection_pool.connection_kwargs["socket_timeout"] == 0.3
    store = RedisSessionStore("redis://127.0.0.1:1/2")
    assert store._redis.connection_pool.connection_kwargs["db"] == 2


def test_without_the_redis_package_the_error_names_the_feature_and_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)  # import redis -> ImportError
    with pytest.raises(ImportError, match=r"RedisCache needs the redis package: pip install 'cacheai\[redis\]'"):
        RedisCache("redis://127.0.0.1:1/0")
    with pytest.raises(ImportError, match=r"A redis:// session store needs the redis package"):
        RedisSessionStore("redis://127.0.0.1:1/0")
