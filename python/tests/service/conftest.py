"""A fake CacheAI service in front of a fake baseline model, and the 0.2.0 environment pointing at them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cacheai.testing import FakeCacheAIService, FakeOpenAIServer


@pytest.fixture
def service() -> Iterator[FakeCacheAIService]:
    with FakeCacheAIService(api_key="ca-test") as fake:
        yield fake


@pytest.fixture
def baseline() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(api_key="sk-baseline") as fake:
        yield fake


@pytest.fixture
def env_0_2(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeCacheAIService]:
    """A service and a baseline that accept any key; CACHEAI_BASE_URL / CACHEAI_BASELINE_MODEL_* point at them."""
    with FakeCacheAIService(api_key=None) as fake, FakeOpenAIServer() as baseline:
        for name in (
            "CACHEAI_API_KEY",
            "CACHEAI_ENABLE_CACHE",
            "CACHEAI_BASELINE_MODEL_PROVIDER",
            "CACHEAI_BASELINE_MODEL",
        ):
            monkeypatch.setenv(name, "")  # recorded, so what an example sets in os.environ is undone
            monkeypatch.delenv(name)
        monkeypatch.setenv("CACHEAI_BASE_URL", fake.base_url)
        monkeypatch.setenv("CACHEAI_BASELINE_MODEL_BASE_URL", baseline.base_url)
        monkeypatch.setenv("CACHEAI_BASELINE_MODEL_API_KEY", "sk-baseline")
        yield fake
