"""Fixtures shared by every cacheai test suite (keep this file small)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import responses


@pytest.fixture
def mock_api() -> Iterator[responses.RequestsMock]:
    """A ``responses`` mock of ``requests``: no real network (an unregistered URL is a ConnectionError)."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps
