"""Budgets shared through a real redis-server by several processes; Redis stopped mid-run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import warnings

import pytest
import redis as redis_package  # noqa: F401  (a test dependency: missing, this module fails, never skips)

from cacheai import CacheAI, RateLimitConfig, RateLimitExceededLocally
from cacheai.limits import _redis
from cacheai.testing import FakeOpenAIServer, FakeRateLimits

WORKER = textwrap.dedent(
    """
    import sys
    from cacheai import CacheAI, RateLimitConfig, RateLimitExceededLocally
    base_url, redis_url, rpm, calls = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    config = RateLimitConfig(requests_per_minute=rpm, max_wait=0.5, backend=redis_url or None)
    client = CacheAI(base_url=base_url, max_retries=0, rate_limit=config)
    sent = refused = 0
    for _ in range(calls):
        try:
            client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
            sent += 1
        except RateLimitExceededLocally:
            refused += 1
    print(sent, refused)
    """
)


def run_workers(
    server: FakeOpenAIServer, redis_url: str, rpm: int, processes: int, calls: int
) -> list[tuple[int, int]]:
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, server.base_url, redis_url, str(rpm), str(calls)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    results = []
    for worker in workers:
        out, _ = worker.communicate(timeout=120)
        assert worker.returncode == 0
        sent, refused = out.split()
        results.append((int(sent), int(refused)))
    return results


def test_processes_sharing_a_redis_budget_stay_under_the_server_limit(redis_server: object) -> None:
    url = redis_server.url  # type: ignore[attr-defined]
    limits = FakeRateLimits(rpm=30)
    with FakeOpenAIServer(rate_limits=limits) as server:
        results = run_workers(server, url, rpm=30, processes=3, calls=20)
    sent = sum(s for s, _ in results)
    assert limits.rejected == 0  # the server never had to say no
    assert 30 <= sent == limits.admitted <= 40  # one budget of 30 (plus its refill), not 3 x 20
    assert sum(r for _, r in results) == 60 - sent


def test_without_redis_each_process_has_its_own_budget_and_the_server_refuses() -> None:
    limits = FakeRateLimits(rpm=30)
    with FakeOpenAIServer(rate_limits=limits) as server:
        workers = [
            subprocess.Popen(
                [sys.executable, "-c", WORKER, server.base_url, "", "30", "20"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        for worker in workers:
            worker.communicate(timeout=120)
    assert limits.rejected > 0  # 60 requests against 30: the contrast to the shared budget above


def test_redis_stopped_mid_run_falls_back_to_local_limits_with_one_warning(
    own_redis_server: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    redis = own_redis_server
    monkeypatch.setattr(_redis, "RETRY_AFTER_S", 0.0)  # try Redis again on every call
    with FakeOpenAIServer() as server:
        config = RateLimitConfig(requests_per_minute=5, max_wait=0.5, backend=redis.url)  # type: ignore[attr-defined]
        client = CacheAI(base_url=server.base_url, rate_limit=config)
        for _ in range(3):
            client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
        assert client.rate_limiter is not None
        assert client.rate_limiter.state()["*"].requests_left == pytest.approx(2, abs=0.1)
        redis.stop()  # type: ignore[attr-defined]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for _ in range(5):  # the local fallback budget of 5 is full
                client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
            with pytest.raises(RateLimitExceededLocally):
                client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
        messages = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
        assert len(messages) == 1 and "unreachable" in messages[0]
        redis.start()  # type: ignore[attr-defined]
        # Redis is back (restarted empty: a full budget) and the calls go through it again.
        client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])
        assert client.rate_limiter.state()["*"].requests_left == pytest.approx(4, abs=0.1)
        assert len(server.requests) == 9
