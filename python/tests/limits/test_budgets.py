"""Budget arithmetic, admission, reconcile, per-model and per-key budgets, pauses and state, on an injected clock."""

from __future__ import annotations

import random

import pytest

from cacheai import RateLimitConfig, RateLimiter, RateLimitError, RateLimitExceededLocally
from cacheai._ratelimit_headers import parse_rate_limit_headers
from cacheai.limits._bucket import Bucket


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_bucket_refills_continuously_and_caps_at_one_minute() -> None:
    bucket = Bucket(600, 0.0)
    bucket.take(600, 0.0)
    assert bucket.wait_for(1, 0.0) == pytest.approx(0.1)  # 10 per second
    assert bucket.refill(3.0) == pytest.approx(30)
    assert bucket.refill(1000.0) == 600
    assert bucket.wait_for(10_000, 1000.0) == 0.0  # more than the capacity waits only for a full bucket
    bucket.give(-100, 1000.0)
    assert bucket.level == 500
    assert bucket.reset_in(1000.0) == pytest.approx(10.0)


def test_admission_charges_both_budgets_and_says_which_is_full() -> None:
    clock = Clock()
    limiter = RateLimiter(RateLimitConfig(requests_per_minute=60, tokens_per_minute=600, max_wait=0.5), clock=clock)
    ticket = limiter.acquire("m", 500)
    assert ticket is not None
    with pytest.raises(RateLimitExceededLocally) as caught:
        limiter.acquire("m", 200)  # 100 tokens left, 10 per second: 10 s > max_wait 0.5
    error = caught.value
    assert isinstance(error, RateLimitError) and error.status_code == 429
    # 100 tokens short at 10 per second, plus the headroom of 0.1 s of refill
    assert error.budget == "tokens_per_minute" and error.wait == pytest.approx(10.1) and error.bound == 0.5
    assert "tokens_per_minute" in str(error) and "10.10 s" in str(error)
    clock.now += 10.1
    assert limiter.acquire("m", 200) is not None
    state = limiter.state()["*"]
    assert state.admitted == 2 and state.rejected == 1 and state.in_flight == 2
    assert state.requests_left == pytest.approx(59)  # refilled to the cap, then one taken


def test_reconcile_refunds_and_charges_the_difference() -> None:
    clock = Clock()
    limiter = RateLimiter(RateLimitConfig(tokens_per_minute=1000), clock=clock)
    ticket = limiter.acquire(None, 800)
    assert ticket is not None
    assert limiter.state()["*"].tokens_left == 200
    limiter.reconcile(ticket, 100)
    assert limiter.state()["*"].tokens_left == 900
    limiter.release(ticket, 400)  # a later charge: 300 more than reconciled
    assert limiter.state()["*"].tokens_left == 600
    limiter.release(ticket, 0)  # once only
    assert limiter.state()["*"].tokens_left == 600 and limiter.state()["*"].in_flight == 0


def test_per_model_entries_patterns_default_and_keys() -> None:
    clock = Clock()
    limiter = RateLimiter(
        {
            "gpt-4o": RateLimitConfig(requests_per_minute=1, max_wait=0.01),
            "gpt-4o-mini*": RateLimitConfig(requests_per_minute=2, max_wait=0.01),
            "*": RateLimitConfig(requests_per_minute=3, max_wait=0.01),
        },
        clock=clock,
    )
    assert limiter.entry_for("gpt-4o") == "gpt-4o"
    assert limiter.entry_for("gpt-4o-mini-2024") == "gpt-4o-mini*"
    assert limiter.entry_for("llama") == "*"
    limiter.acquire("gpt-4o", 0)
    with pytest.raises(RateLimitExceededLocally):
        limiter.acquire("gpt-4o", 0)
    limiter.acquire("gpt-4o-mini", 0)
    with pytest.raises(RateLimitExceededLocally):  # one budget per entry: the pattern's models share it
        limiter.acquire("gpt-4o-mini-2024", 0)  # (1 left, but not the 0.1 s of headroom on top)
    limiter.acquire("gpt-4o", 0, key="key-b")  # another key, another budget
    assert set(limiter.state()) == {"gpt-4o", "gpt-4o-mini*", "gpt-4o [key-b]"}
    assert RateLimiter({"a": RateLimitConfig(requests_per_minute=1)}).acquire("b", 0) is None  # not limited


def test_concurrency_cap_and_max_wait() -> None:
    limiter = RateLimiter(RateLimitConfig(max_concurrent=1, max_wait=0.05))
    ticket = limiter.acquire("m", 0)
    assert ticket is not None
    with pytest.raises(RateLimitExceededLocally) as caught:
        limiter.acquire("m", 0)
    assert caught.value.budget == "max_concurrent" and caught.value.wait is None
    limiter.release(ticket)
    assert limiter.acquire("m", 0) is not None


def test_a_429_pauses_then_resumes_gradually_and_headers_correct_the_budget() -> None:
    clock = Clock()
    limiter = RateLimiter(RateLimitConfig(requests_per_minute=600, max_wait=0.01), clock=clock)
    ticket = limiter.acquire("m", 0)
    assert ticket is not None
    snapshot = parse_rate_limit_headers({"x-ratelimit-remaining-requests": "0", "x-ratelimit-limit-requests": "600"})
    assert snapshot is not None
    limiter.pause(ticket, 2.0, snapshot)
    state = limiter.state()["*"]
    assert state.paused_for == 2.0 and state.throttled_by_server == 1 and state.requests_left == 0
    with pytest.raises(RateLimitExceededLocally) as caught:
        limiter.acquire("m", 0)
    assert caught.value.budget == "pause"
    clock.now += 2.5
    assert limiter.acquire("m", 0) is not None
    with pytest.raises(RateLimitExceededLocally):  # the restart is spaced, not a burst
        limiter.acquire("m", 0)
    clock.now += 0.25
    assert limiter.acquire("m", 0) is not None


def test_adaptive_with_no_numbers_learns_the_limits_from_headers() -> None:
    clock = Clock()
    limiter = RateLimiter(RateLimitConfig(adaptive_throttling=True, max_wait=0.01), clock=clock)
    ticket = limiter.acquire("m", 50)
    assert ticket is not None and limiter.state()["*"].requests_per_minute is None
    headers = {
        "x-ratelimit-limit-requests": "60",
        "x-ratelimit-remaining-requests": "2",
        "x-ratelimit-limit-tokens": "6000",
        "x-ratelimit-remaining-tokens": "5000",
    }
    snapshot = parse_rate_limit_headers(headers)
    assert snapshot is not None
    limiter.observe(ticket, snapshot)
    state = limiter.state()["*"]
    assert (state.requests_per_minute, state.requests_left) == (60, 2)
    assert (state.tokens_per_minute, state.tokens_left) == (6000, 5000)
    limiter.acquire("m", 50)
    with pytest.raises(RateLimitExceededLocally):
        limiter.acquire("m", 50)


def test_without_adaptive_headers_do_not_change_the_budget() -> None:
    limiter = RateLimiter(RateLimitConfig(requests_per_minute=60))
    ticket = limiter.acquire("m", 0)
    assert ticket is not None
    snapshot = parse_rate_limit_headers({"x-ratelimit-remaining-requests": "0"})
    assert snapshot is not None
    limiter.observe(ticket, snapshot)
    assert limiter.state()["*"].requests_left == pytest.approx(59, abs=0.1)


@pytest.mark.parametrize(
    "kwargs",
    [{"requests_per_minute": 0}, {"tokens_per_minute": -1}, {"max_concurrent": 1.5}, {"backend": "memcached://x"}],
)
def test_bad_config_is_a_clear_error(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="RateLimitConfig"):
        RateLimitConfig(**kwargs)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="rate_limit must be"):
        RateLimiter({"m": 5})  # type: ignore[dict-item]


def test_a_learnt_budget_counts_calls_in_flight_and_never_refunds_what_it_did_not_charge() -> None:
    clock = Clock()
    limiter = RateLimiter(RateLimitConfig(adaptive_throttling=True, max_wait=0.01), clock=clock)
    early = [limiter.acquire("m", 500) for _ in range(3)]  # before any header: nothing charged
    snapshot = parse_rate_limit_headers(
        {
            "x-ratelimit-limit-requests": "60",
            "x-ratelimit-remaining-requests": "50",
            "x-ratelimit-limit-tokens": "6000",
            "x-ratelimit-remaining-tokens": "5000",
        }
    )
    assert snapshot is not None and early[0] is not None
    limiter.observe(early[0], snapshot)
    assert limiter.state()["*"].requests_left == 48  # the two others may not have reached the server yet
    for ticket in early:
        assert ticket is not None
        limiter.release(ticket, 10)
    assert limiter.state()["*"].tokens_left == 5000


class TickingClock:
    """Moves 0.1 ms at every reading (so that no wait can loop on a frozen clock), and more when told."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        self.now += 0.0001
        return self.now


def test_the_fast_path_admits_refuses_and_charges_exactly_as_the_full_admission() -> None:
    for seed in range(150):
        rnd = random.Random(seed)
        config = RateLimitConfig(
            requests_per_minute=rnd.choice([None, 6, 60, 600]),
            tokens_per_minute=rnd.choice([None, 600, 6000]),
            max_concurrent=rnd.choice([None, 1, 3]),
            max_wait=0.001,
        )
        clocks = [TickingClock(), TickingClock()]
        fast, full = (RateLimiter(config, clock=clock) for clock in clocks)
        full._scope("*", "").local = None  # this one always takes the general path (try_admit)
        tickets: list[list[object]] = [[], []]
        for _ in range(40):
            step = rnd.choice([0.0, 0.0, 0.05, 0.5, 5.0])
            tokens = rnd.choice([0, 10, 100, 1000, 10_000])
            used = rnd.choice([None, 0, 5, 500])
            release = rnd.random() < 0.4 and bool(tickets[0])
            at = rnd.randrange(len(tickets[0])) if release else 0
            seen = []
            for limiter, clock, held in zip((fast, full), clocks, tickets, strict=True):
                clock.now += step
                if release:
                    limiter.release(held.pop(at), used)  # type: ignore[arg-type]
                    seen.append("released")
                elif config.max_concurrent is not None and len(held) >= config.max_concurrent:
                    seen.append("at the cap")
                else:
                    try:
                        ticket = limiter.acquire("m", tokens)
                        assert ticket is not None
                        held.append(ticket)
                        seen.append(("admitted", ticket.charged))
                    except RateLimitExceededLocally as error:
                        seen.append(("refused", error.budget, error.wait))
            assert seen[0] == seen[1]
            assert fast.state() == full.state()
        assert fast._scope("*", "").local is not None  # the other one did take the fast path
