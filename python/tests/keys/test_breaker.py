"""The circuit breaker per model and fallback models, against the fake server."""

from __future__ import annotations

import pytest

import cacheai
from cacheai import CacheAI, CircuitBreakerConfig, CircuitOpenError
from cacheai._breaker import CircuitBreaker
from cacheai.testing import FakeOpenAIServer


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _client(server: FakeOpenAIServer, clock: FakeClock, **kwargs: object) -> CacheAI:
    client = CacheAI(
        base_url=server.base_url,
        max_retries=0,
        circuit_breaker=CircuitBreakerConfig(failure_threshold=3, window_s=60, recovery_s=30),
        **kwargs,  # type: ignore[arg-type]
    )
    client._breaker._clock = clock  # type: ignore[union-attr]  # an injected clock: no timed assertions
    return client


def _ask(client: CacheAI, model: str = "gpt-4o") -> object:
    return client.chat.completions.create(model=model, messages=[{"role": "user", "content": "hi"}])


def test_opens_after_repeated_5xx_and_fails_fast(server: FakeOpenAIServer, clock: FakeClock) -> None:
    client = _client(server, clock)
    server.fail_next(3, 500)
    for _ in range(3):
        with pytest.raises(cacheai.InternalServerError):
            _ask(client)
    assert client.circuits["gpt-4o"].state == "open"
    with pytest.raises(CircuitOpenError) as caught:
        _ask(client)
    assert isinstance(caught.value, cacheai.APIError)
    assert caught.value.model == "gpt-4o" and caught.value.retry_in_s == 30
    assert "Circuit breaker open for model: gpt-4o" in str(caught.value)
    assert len(server.requests) == 3  # the fast failure sent nothing
    _ask(client, "gpt-4o-mini")  # other models are not affected
    assert "gpt-4o-mini" not in client.circuits


def test_one_trial_after_recovery_closes_or_reopens(server: FakeOpenAIServer, clock: FakeClock) -> None:
    client = _client(server, clock)
    server.fail_next(3, 503)
    for _ in range(3):
        with pytest.raises(cacheai.InternalServerError):
            _ask(client)
    clock.now += 30
    server.fail_next(1, 502)
    with pytest.raises(cacheai.InternalServerError):
        _ask(client)  # the trial fails: open again for recovery_s
    assert client.circuits["gpt-4o"].state == "open"
    with pytest.raises(CircuitOpenError):
        _ask(client)
    clock.now += 30
    _ask(client)  # the trial succeeds: closed
    assert client.circuits["gpt-4o"].state == "closed"
    assert client.circuits["gpt-4o"].recent_failures == 0
    _ask(client)


def test_connection_errors_count_and_4xx_never_do(server: FakeOpenAIServer, clock: FakeClock) -> None:
    client = _client(server, clock)
    server.fail_next(5, 400)
    server.fail_next(3, 429)
    for _ in range(8):
        with pytest.raises(cacheai.APIStatusError):
            _ask(client)
    assert "gpt-4o" not in client.circuits
    server.drop_next(3)
    for _ in range(3):
        with pytest.raises(cacheai.APIConnectionError):
            _ask(client)
    assert client.circuits["gpt-4o"].state == "open"


def test_failures_outside_the_window_are_forgotten(server: FakeOpenAIServer, clock: FakeClock) -> None:
    client = _client(server, clock)
    server.fail_next(2, 500)
    for _ in range(2):
        with pytest.raises(cacheai.InternalServerError):
            _ask(client)
    clock.now += 61
    server.fail_next(1, 500)
    with pytest.raises(cacheai.InternalServerError):
        _ask(client)
    assert client.circuits["gpt-4o"].state == "closed"
    assert client.circuits["gpt-4o"].recent_failures == 1


def test_retries_count_and_open_mid_call(server: FakeOpenAIServer, clock: FakeClock) -> None:
    client = _client(server, clock).with_options(max_retries=5)
    server.fail_next(5, 500)
    with pytest.raises(CircuitOpenError):
        _ask(client)  # three failed attempts open it; the fourth attempt fails fast
    assert len(server.requests) == 3


def test_state_is_shared_by_with_options_copies(server: FakeOpenAIServer, clock: FakeClock) -> None:
    client = _client(server, clock)
    copy = client.with_options(timeout=5)
    server.fail_next(3, 500)
    for _ in range(3):
        with pytest.raises(cacheai.InternalServerError):
            _ask(copy)
    with pytest.raises(CircuitOpenError):
        _ask(client)
    assert copy.circuits is client.circuits
    client.circuits.reset()
    _ask(copy)


def test_fallback_model_answers_when_the_circuit_is_open(server: FakeOpenAIServer, clock: FakeClock) -> None:
    client = _client(server, clock, fallback_models={"gpt-4o": ["gpt-4o-mini"]})
    answers = []
    for _ in range(3):
        server.fail_next(1, 500)  # gpt-4o fails, the call falls back to gpt-4o-mini
        answers.append(_ask(client))
    assert [cacheai.info(a).model for a in answers] == ["gpt-4o-mini"] * 3
    server.clear_requests()
    answer = _ask(client)  # the circuit is open: straight to the fallback, nothing sent for gpt-4o
    assert [r.json()["model"] for r in server.requests] == ["gpt-4o-mini"]
    assert cacheai.info(answer).model == "gpt-4o-mini"
    assert answer.model == "gpt-4o-mini"  # type: ignore[attr-defined]


def test_fallback_without_a_breaker_after_retries_are_exhausted(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, max_retries=1, fallback_models={"gpt-4o": ["gpt-4o-mini", "fake-model"]})
    server.fail_next(4, 500)
    answer = client.generate_response("hi", model="gpt-4o")
    assert answer.model == "fake-model"
    assert [r.json()["model"] for r in server.requests] == ["gpt-4o"] * 2 + ["gpt-4o-mini"] * 2 + ["fake-model"]


def test_a_4xx_does_not_fall_back(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, max_retries=0, fallback_models={"gpt-4o": ["gpt-4o-mini"]})
    server.fail_next(1, 400)
    with pytest.raises(cacheai.BadRequestError):
        _ask(client)
    assert len(server.requests) == 1


def test_a_streamed_call_falls_back_too(server: FakeOpenAIServer, clock: FakeClock) -> None:
    client = _client(server, clock, fallback_models={"gpt-4o": ["gpt-4o-mini"]})
    server.fail_next(1, 500)
    stream = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}], stream=True)
    chunks = list(stream)
    assert chunks and chunks[0].model == "gpt-4o-mini"


def test_no_breaker_configured() -> None:
    client = CacheAI(base_url="http://127.0.0.1:9/v1")
    with pytest.raises(cacheai.OpenAIError, match="no circuit breaker"):
        client.circuits  # noqa: B018
    assert isinstance(CacheAI(base_url="http://127.0.0.1:9/v1", circuit_breaker=True).circuits, CircuitBreaker)
    with pytest.raises(ValueError):
        CircuitBreakerConfig(failure_threshold=0)


def test_only_one_trial_at_a_time_and_an_abandoned_trial_frees_its_slot(clock: FakeClock) -> None:
    from cacheai._exchange import Exchange
    from cacheai._types import RequestOptions

    breaker = CircuitBreaker(CircuitBreakerConfig(failure_threshold=1, recovery_s=10), clock=clock)
    client = CacheAI(base_url="http://127.0.0.1:9/v1")

    def exchange() -> Exchange:
        options = RequestOptions(method="POST", path="chat/completions", json_data={"model": "m"})
        return Exchange(
            options, client._http.build_request(options), options.json_data, stream=False, layers=(breaker,), owner=None
        )

    first = exchange()
    breaker.before_attempt(first)
    breaker.after_attempt(first, None, ConnectionError("refused"))
    assert breaker["m"].state == "open"
    clock.now += 10
    trial, other = exchange(), exchange()
    breaker.before_attempt(trial)  # the one trial
    assert breaker["m"].state == "half_open"
    with pytest.raises(CircuitOpenError):
        breaker.before_attempt(other)  # a second caller while the trial runs fails fast
    trial.abort(None)  # the trial was abandoned (another layer stopped it): the next caller may try
    breaker.before_attempt(other)
    assert breaker["m"].state == "half_open"
