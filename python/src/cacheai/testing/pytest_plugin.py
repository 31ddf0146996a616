"""pytest fixtures for testing code that calls an OpenAI-compatible API (registered via ``pytest11``).

- ``fake_openai``: a running ``cacheai.testing.FakeOpenAIServer`` (fresh for each test).
- ``cacheai_client``: a ``cacheai.CacheAI`` pointed at ``fake_openai`` (closed after the test).

pytest imports this module for everyone who has cacheai installed, so it imports nothing heavy at the top:
the server and the client are imported inside the fixtures.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from cacheai import CacheAI
    from cacheai.testing import FakeOpenAIServer

FAKE_API_KEY = "sk-cacheai-fake"
"""The key the ``cacheai_client`` fixture sends (the fake server accepts any key unless told one)."""


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAIServer]:
    """A fake OpenAI-compatible server on 127.0.0.1, stopped after the test.

    Script it with ``set_reply``/``queue_replies``, break it with ``fail_next``/``set_stream_faults``, and
    check what your code sent with ``requests``/``last_request``.
    """
    from cacheai.testing import FakeOpenAIServer

    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def cacheai_client(fake_openai: FakeOpenAIServer) -> Iterator[CacheAI]:
    """A ``cacheai.CacheAI`` client talking to the ``fake_openai`` server."""
    from cacheai import CacheAI

    client = CacheAI(base_url=fake_openai.base_url, api_key=FAKE_API_KEY)
    try:
        yield client
    finally:
        client.close()
