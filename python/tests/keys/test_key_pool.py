"""The key pool against the fake server's per-key behaviour: rotation, 429 rests, revoked keys, stats."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

import cacheai
from cacheai import CacheAI, KeyPool, NoKeyAvailableError
from cacheai._info import exchange_of
from cacheai._keys import fingerprint
from cacheai.testing import FakeOpenAIServer

KEYS = ["sk-test-aaaaaaaaaaaaaaaaaaaa1111", "sk-test-bbbbbbbbbbbbbbbbbbbb2222", "sk-test-cccccccccccccccccccc3333"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(api_keys=KEYS) as fake:
        yield fake


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _client(server: FakeOpenAIServer, pool: KeyPool | list[str], **kwargs: object) -> CacheAI:
    return CacheAI(api_key=pool, base_url=server.base_url, **kwargs)  # type: ignore[arg-type]


def _ask(client: CacheAI) -> object:
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])


def test_round_robin_order(server: FakeOpenAIServer) -> None:
    client = _client(server, KEYS)
    for _ in range(6):
        _ask(client)
    assert [r.api_key for r in server.requests] == KEYS * 2
    assert [s.requests for s in client.keys.stats()] == [2, 2, 2]


def test_least_used_prefers_the_idle_key(server: FakeOpenAIServer) -> None:
    pool = KeyPool(KEYS, strategy="least_used")
    client = _client(server, pool)
    client.with_options(timeout=5).chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "hi"}],
        extra_headers={"Authorization": f"Bearer {KEYS[0]}"},
    )
    for _ in range(3):
        _ask(client)
    assert [r.api_key for r in server.requests] == [KEYS[0], KEYS[0], KEYS[1], KEYS[2]]
    assert [s.requests for s in pool.stats()] == [1, 1, 1]  # the caller's own key is not counted


def test_comma_separated_environment_variable(server: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CACHEAI_API_KEY", ",".join(KEYS[:2]))
    client = CacheAI(base_url=server.base_url)
    _ask(client)
    _ask(client)
    assert [r.api_key for r in server.requests] == KEYS[:2]
    assert client.keys.fingerprints == [fingerprint(k) for k in KEYS[:2]]


def test_a_429_moves_on_to_the_next_key_at_once(server: FakeOpenAIServer, clock: FakeClock) -> None:
    pool = KeyPool(KEYS, clock=clock, sleep=clock.sleep)
    client = _client(server, pool)
    server.rate_limit_key(KEYS[0], 30)
    result = _ask(client)
    assert [r.api_key for r in server.requests] == KEYS[:2]
    assert cacheai.info(result).retries == 1
    assert clock.slept == []  # no backoff: the retry went out at once on the next key
    stats = pool.stats()
    assert stats[0].resting_until == clock.now + 30 and stats[0].failures == 1
    # While it rests, the pool skips it; after its reset it is back in rotation.
    server.clear_requests()
    _ask(client)
    _ask(client)
    _ask(client)
    assert [r.api_key for r in server.requests] == [KEYS[2], KEYS[1], KEYS[2]]
    clock.now += 31
    server.rate_limit_key(KEYS[0], 0)
    server.clear_requests()
    _ask(client)
    _ask(client)
    assert KEYS[0] in [r.api_key for r in server.requests]
    assert pool.stats()[0].resting_until is None


def test_revoked_key_is_taken_out_with_one_warning(server: FakeOpenAIServer, caplog: pytest.LogCaptureFixture) -> None:
    client = _client(server, KEYS)
    server.revoke_key(KEYS[1])
    with caplog.at_level(logging.WARNING, logger="cacheai"):
        for _ in range(5):
            _ask(client)
    sent = [r.api_key for r in server.requests]
    assert sent.count(KEYS[1]) == 1
    assert sent[:3] == [KEYS[0], KEYS[1], KEYS[2]]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and fingerprint(KEYS[1]) in warnings[0]
    assert not any(k in caplog.text for k in KEYS)  # never a key in full
    stats = client.keys.stats()
    assert stats[1].blocked and stats[1].blocked_reason == "401"
    client.keys.reset()
    assert not any(s.blocked for s in client.keys.stats())


def test_every_key_revoked_raises_a_clear_error(server: FakeOpenAIServer) -> None:
    client = _client(server, KEYS[:2])
    for key in KEYS[:2]:
        server.revoke_key(key)
    with pytest.raises(cacheai.AuthenticationError):
        _ask(client)
    with pytest.raises(NoKeyAvailableError, match="rejected"):
        _ask(client)


def test_every_key_resting_waits_within_the_bound(server: FakeOpenAIServer, clock: FakeClock) -> None:
    pool = KeyPool(KEYS[:2], clock=clock, sleep=clock.sleep, max_wait_s=10)
    client = _client(server, pool)
    server.fail_next(2, 429, headers={"retry-after": "30"})
    with pytest.raises(NoKeyAvailableError, match="resting") as caught:
        _ask(client)
    assert [r.api_key for r in server.requests] == KEYS[:2]
    assert clock.slept == []  # 30s is past the bound: raised at once, not after waiting
    assert caught.value.retry_in_s == 30


def test_every_key_resting_then_the_first_back_answers(server: FakeOpenAIServer, clock: FakeClock) -> None:
    pool = KeyPool(KEYS[:2], clock=clock, sleep=clock.sleep, max_wait_s=10)
    client = _client(server, pool)
    server.fail_next(1, 429, headers={"retry-after": "4"})
    server.fail_next(1, 429, headers={"retry-after": "3"})
    result = _ask(client)
    assert clock.slept == [3]  # waited for the first key back, exactly its reset
    assert [r.api_key for r in server.requests] == [KEYS[0], KEYS[1], KEYS[1]]
    assert cacheai.info(result).retries == 2


def test_rotate_and_fingerprints_never_show_the_key(server: FakeOpenAIServer) -> None:
    client = _client(server, KEYS)
    assert client.keys.rotate() == fingerprint(KEYS[1])
    _ask(client)
    assert server.last_request.api_key == KEYS[1]
    text = repr(client.keys) + repr(client.keys.stats())
    assert not any(k in text for k in KEYS)
    assert fingerprint(KEYS[0]) == "sk-...1111"
    assert fingerprint("short").startswith("key#")


def test_the_chosen_key_is_on_the_exchange(server: FakeOpenAIServer) -> None:
    client = _client(server, KEYS)
    exchange = exchange_of(_ask(client))
    assert exchange is not None and exchange.notes["api_key_fingerprint"] == fingerprint(KEYS[0])


def test_with_options_copies_share_the_pool(server: FakeOpenAIServer) -> None:
    client = _client(server, KEYS)
    copy = client.with_options(timeout=10)
    _ask(client)
    _ask(copy)
    assert copy.keys is client.keys
    assert [r.api_key for r in server.requests] == KEYS[:2]


def test_a_single_key_list_is_a_plain_key(server: FakeOpenAIServer) -> None:
    client = _client(server, KEYS[:1])
    _ask(client)
    assert server.last_request.api_key == KEYS[0]
    with pytest.raises(cacheai.OpenAIError, match="one API key"):
        client.keys  # noqa: B018


def test_stats_keep_each_keys_latest_rate_limits(server: FakeOpenAIServer) -> None:
    client = _client(server, KEYS[:2])
    server.set_response_headers({"x-ratelimit-limit-requests": "100", "x-ratelimit-remaining-requests": "41"})
    _ask(client)
    first, second = client.keys.stats()
    assert first.rate_limit is not None and first.rate_limit.remaining_requests == 41
    assert second.rate_limit is None  # not used yet


def test_threads_share_the_pool_evenly(server: FakeOpenAIServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    client = _client(server, KEYS)
    with ThreadPoolExecutor(8) as workers:
        list(workers.map(lambda _: _ask(client), range(60)))
    assert [s.requests for s in client.keys.stats()] == [20, 20, 20]
    sent = [r.api_key for r in server.requests]
    assert all(sent.count(k) == 20 for k in KEYS)


def test_bad_pool_arguments() -> None:
    with pytest.raises(ValueError, match="at least one"):
        KeyPool([])
    with pytest.raises(ValueError, match="twice"):
        KeyPool(["sk-a", "sk-a"])
    with pytest.raises(ValueError, match="strategy"):
        KeyPool(["sk-a"], strategy="random")  # type: ignore[arg-type]
