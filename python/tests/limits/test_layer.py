"""The limiter on the HTTP path, against the real fake server: admission, 429 pauses, slots, reconcile, Ctrl-C."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from cacheai import CacheAI, RateLimitConfig, RateLimiter, RateLimitError, RateLimitExceededLocally
from cacheai.testing import FakeOpenAIServer, FakeRateLimits

MESSAGES = [{"role": "user", "content": "Say hello to the rate limiter."}]


def client(server: FakeOpenAIServer, **kwargs: object) -> CacheAI:
    return CacheAI(base_url=server.base_url, **kwargs)  # type: ignore[arg-type]


def test_no_rate_limit_means_no_layer(server: FakeOpenAIServer) -> None:
    c = client(server)
    assert c.rate_limiter is None and c._layers == ()


def test_copies_share_the_limiter_and_a_limiter_is_shared_by_clients(server: FakeOpenAIServer) -> None:
    limiter = RateLimiter(RateLimitConfig(requests_per_minute=2, max_wait=0.5))
    first, second = client(server, rate_limit=limiter), client(server, rate_limit=limiter)
    assert first.with_options(timeout=5).rate_limiter is limiter is second.rate_limiter
    first.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    second.with_options(max_retries=0).chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    with pytest.raises(RateLimitExceededLocally):
        first.with_options(timeout=3).chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert len(server.requests) == 2  # the refused call never reached the server


def test_a_non_streamed_answer_is_reconciled_with_its_usage(server: FakeOpenAIServer) -> None:
    c = client(server, rate_limit=RateLimitConfig(tokens_per_minute=1_000_000))
    result = c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=50_000)
    state = c.rate_limiter.state()["*"]  # type: ignore[union-attr]
    assert result.usage is not None
    # The estimate (50,000+) was refunded down to the real usage, so the budget is nearly full.
    assert state.tokens_left is not None and state.tokens_left > 1_000_000 - 1_000
    assert state.in_flight == 0


def test_a_stream_is_reconciled_with_the_usage_it_reports_when_it_ends(server: FakeOpenAIServer) -> None:
    c = client(server, rate_limit=RateLimitConfig(tokens_per_minute=100_000))  # refills 1,667 per second
    limiter = c.rate_limiter
    assert limiter is not None

    def tokens_left() -> float:
        left = limiter.state()["*"].tokens_left
        assert left is not None
        return left

    stream = c.chat.completions.create(
        model="gpt-4o-mini", messages=MESSAGES, max_tokens=50_000, stream=True, stream_options={"include_usage": True}
    )
    assert tokens_left() < 60_000  # the estimate (50,000 + the prompt) is charged while the stream runs
    usage = [chunk.usage for chunk in stream if chunk.usage is not None]
    assert len(usage) == 1 and limiter.state()["*"].in_flight == 0
    assert tokens_left() > 100_000 - 1_000  # refunded down to the reported usage at the end
    without_usage = c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=50_000, stream=True)
    list(without_usage)
    assert tokens_left() < 60_000  # no usage reported: the estimate stays charged


def test_the_call_timeout_bounds_the_wait(server: FakeOpenAIServer) -> None:
    c = client(server, rate_limit=RateLimitConfig(requests_per_minute=1))
    c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    with pytest.raises(RateLimitExceededLocally) as caught:
        c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, timeout=2.0)
    assert caught.value.budget == "requests_per_minute" and caught.value.bound == 2.0
    assert caught.value.wait is not None and caught.value.wait > 50


def test_stream_slots_are_released_on_end_close_error_and_collection(server: FakeOpenAIServer) -> None:
    c = client(server, rate_limit=RateLimitConfig(max_concurrent=1, max_wait=0.05), max_retries=0)
    limiter = c.rate_limiter
    assert limiter is not None

    def in_flight() -> int:
        return limiter.state()["*"].in_flight

    stream = c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, stream=True)
    assert in_flight() == 1
    with pytest.raises(RateLimitExceededLocally):  # the one slot is held by the open stream
        c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    list(stream)
    assert in_flight() == 0
    stream = c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, stream=True)
    next(iter(stream))
    stream.close()
    assert in_flight() == 0
    server.set_stream_faults(cut_after=1, times=1)
    stream = c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, stream=True)
    with pytest.raises(Exception):  # noqa: B017  # the cut connection's error
        list(stream)
    assert in_flight() == 0
    stream = c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, stream=True)
    next(iter(stream))
    del stream
    gc.collect()
    assert in_flight() == 0


def test_a_429_pauses_every_thread_and_its_retry_is_admitted_again(server: FakeOpenAIServer) -> None:
    c = client(server, rate_limit=RateLimitConfig(requests_per_minute=6000), max_retries=2)
    limiter = c.rate_limiter
    assert limiter is not None
    server.fail_next(1, 429, headers={"retry-after-ms": "1000"})
    errors: list[BaseException] = []

    def call() -> None:
        try:
            c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    first = threading.Thread(target=call)
    first.start()
    while limiter.state().get("*") is None or limiter.state()["*"].throttled_by_server == 0:
        time.sleep(0.001)
    paused = limiter.state()["*"].paused_for
    assert 0 < paused <= 1.0
    others = [threading.Thread(target=call) for _ in range(3)]
    for thread in others:
        thread.start()
    while limiter.state()["*"].waiting < 3 and limiter.state()["*"].paused_for > 0:
        time.sleep(0.001)
    if limiter.state()["*"].paused_for > 0.05:  # the three others wait in admission; nothing was sent meanwhile
        assert len(server.requests) == 1
    for thread in [first, *others]:
        thread.join()
    assert errors == []
    state = limiter.state()["*"]
    assert state.admitted == 5  # 4 calls + the retry of the 429, each through admission
    assert len(server.requests) == 5


def test_retry_after_longer_than_the_policy_allows_is_not_retried(server: FakeOpenAIServer) -> None:
    c = client(server, rate_limit=RateLimitConfig(requests_per_minute=6000), max_retries=2)
    server.fail_next(1, 429, headers={"retry-after": "1000"})
    with pytest.raises(RateLimitError) as caught:
        c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert not isinstance(caught.value, RateLimitExceededLocally)  # the server's own 429
    assert len(server.requests) == 1


def test_matching_config_sees_no_429_from_an_enforcing_server() -> None:
    limits = FakeRateLimits(rpm=30, tpm=3_000)
    with FakeOpenAIServer(rate_limits=limits) as fake:
        c = client(fake, rate_limit=RateLimitConfig(requests_per_minute=30, tokens_per_minute=3_000, max_wait=0.5))
        sent = refused = 0
        for _ in range(40):
            try:
                c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=50)
                sent += 1
            except RateLimitExceededLocally:
                refused += 1
        assert limits.rejected == 0 and sent == limits.admitted and sent + refused == 40
        assert refused > 0  # the client, not the server, said no


def test_adaptive_without_numbers_follows_the_server() -> None:
    limits = FakeRateLimits(rpm=5)
    with FakeOpenAIServer(rate_limits=limits) as fake:
        c = client(fake, rate_limit=RateLimitConfig(adaptive_throttling=True, max_wait=0.5), max_retries=0)
        for _ in range(5):
            c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=5)
        state = c.rate_limiter.state()["*"]  # type: ignore[union-attr]
        assert state.requests_per_minute == 5 and state.requests_left is not None and state.requests_left < 1
        with pytest.raises(RateLimitExceededLocally):
            c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=5)
        assert limits.rejected == 0


CTRL_C_SCRIPT = textwrap.dedent(
    """
    import sys
    from cacheai import CacheAI, RateLimitConfig
    client = CacheAI(base_url=sys.argv[1], rate_limit=RateLimitConfig(requests_per_minute=1))
    client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "one"}])
    try:
        print("waiting", flush=True)
        client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "two"}])
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        sys.exit(3)
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery")
def test_ctrl_c_interrupts_an_admission_wait(server: FakeOpenAIServer) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_SCRIPT, server.base_url], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "waiting"
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=30)
    assert process.returncode == 3 and "interrupted" in out
    assert len(server.requests) == 1


def test_per_key_budgets_follow_the_key_pool(server: FakeOpenAIServer) -> None:
    from cacheai import KeyPool

    limiter = RateLimiter(RateLimitConfig(requests_per_minute=1, max_wait=0.5), per_key=True)
    c = CacheAI(base_url=server.base_url, api_key=KeyPool(["sk-one-aaaa", "sk-two-bbbb"]), rate_limit=limiter)
    c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    c.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)  # the other key: its own budget
    states = limiter.state()
    assert len(states) == 2 and all(state.admitted == 1 and state.key for state in states.values())
