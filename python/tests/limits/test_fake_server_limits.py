"""The fake server enforces RPM and TPM like OpenAI: 429 bodies, retry hints and x-ratelimit headers."""

from __future__ import annotations

import subprocess
import sys

import requests

from cacheai.testing import FakeOpenAIServer, FakeRateLimits
from cacheai.testing._ratelimits import go_duration


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def post(server: FakeOpenAIServer, max_tokens: int = 10) -> requests.Response:
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "max_tokens": max_tokens}
    return requests.post(f"{server.base_url}/chat/completions", json=body, timeout=10)


def test_go_durations() -> None:
    assert [go_duration(s) for s in (0.0, 0.02, 0.9999, 1.0, 1.5, 61.0, 360.0)] == [
        "0ms",
        "20ms",
        "1s",
        "1s",
        "1.5s",
        "1m1s",
        "6m0s",
    ]


def test_requests_per_minute_and_the_429_it_sends() -> None:
    clock = Clock()
    limits = FakeRateLimits(rpm=2, clock=clock)
    with FakeOpenAIServer(rate_limits=limits) as server:
        first = post(server)
        assert first.status_code == 200
        assert first.headers["x-ratelimit-limit-requests"] == "2"
        assert first.headers["x-ratelimit-remaining-requests"] == "1"
        assert first.headers["x-ratelimit-reset-requests"] == "30s"
        assert post(server).status_code == 200
        refused = post(server)
        assert refused.status_code == 429
        error = refused.json()["error"]
        assert error["type"] == "requests" and error["code"] == "rate_limit_exceeded"
        assert "Rate limit reached for gpt-4o-mini" in error["message"] and "(RPM): Limit 2" in error["message"]
        assert refused.headers["retry-after"] == "30" and refused.headers["retry-after-ms"] == "30000"
        assert refused.headers["x-ratelimit-remaining-requests"] == "0"
        clock.now += 30
        assert post(server).status_code == 200
        assert (limits.admitted, limits.rejected) == (3, 1)
        assert requests.get(f"{server.base_url}/models", timeout=10).status_code == 200  # not a model call


def test_tokens_per_minute_charges_the_estimate_then_the_usage() -> None:
    clock = Clock()
    limits = FakeRateLimits(tpm=1000, clock=clock)
    with FakeOpenAIServer(rate_limits=limits) as server:
        answer = post(server, max_tokens=900)
        assert answer.status_code == 200
        used = answer.json()["usage"]["total_tokens"]
        assert int(answer.headers["x-ratelimit-remaining-tokens"]) == 1000 - used  # settled to the usage
        refused = post(server, max_tokens=5000)
        assert refused.status_code == 429 and refused.json()["error"]["type"] == "tokens"
        assert "(TPM): Limit 1000" in refused.json()["error"]["message"]
        assert limits.rejected_tokens > 5000


def test_serve_fake_enforces_rpm_and_tpm_from_the_command_line() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "cacheai", "serve-fake", "--port", "0", "--rpm", "1", "--tpm", "100000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 5}
        first = requests.post(f"{base_url}/chat/completions", json=body, timeout=10)
        second = requests.post(f"{base_url}/chat/completions", json=body, timeout=10)
        assert first.status_code == 200 and first.headers["x-ratelimit-limit-tokens"] == "100000"
        assert second.status_code == 429 and int(second.headers["retry-after"]) > 50
    finally:
        process.terminate()
        process.communicate(timeout=30)
