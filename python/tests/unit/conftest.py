"""Unit-test fixtures: a clean environment, no real sleeping, a client pointed at a mocked server."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

import cacheai

from ._helpers import API_KEY, BASE_URL


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unit tests never see the developer's keys or base URLs."""
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "CACHEAI_")):
            monkeypatch.delenv(name)


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every ``time.sleep`` the retry loop asks for, recorded instead of slept."""
    recorded: list[float] = []
    monkeypatch.setattr("cacheai._http.time.sleep", recorded.append)
    return recorded


@pytest.fixture
def client() -> Iterator[cacheai.CacheAI]:
    with cacheai.CacheAI(api_key=API_KEY, base_url=BASE_URL) as c:
        yield c
