"""Fixtures shared by every cacheai test suite (keep this file small)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import responses

from cacheai.testing import FakeOpenAIServer
from redis_server import RedisServer


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    """A fake OpenAI server of this test alone; a test fails if the server itself failed while answering."""
    with FakeOpenAIServer() as fake:
        yield fake
    assert fake.errors == []


@pytest.fixture
def mock_api() -> Iterator[responses.RequestsMock]:
    """A ``responses`` mock of ``requests``: no real network (an unregistered URL is a ConnectionError)."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


@pytest.fixture(scope="session")
def redis_server_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_server(redis_server_session: RedisServer) -> Iterator[RedisServer]:
    """A real redis-server shared by the session, emptied before each test (restarted if a test stopped it)."""
    redis_server_session.start()
    redis_server_session.flush()
    yield redis_server_session
    redis_server_session.start()


@pytest.fixture
def own_redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of this test alone, for tests that stop, kill or restart it."""
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()
