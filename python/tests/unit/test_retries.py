"""Retry rules and delays (spec §3): which failures are retried, how long the client waits, ``RetryPolicy``."""

from __future__ import annotations

import email.utils
import json
import math

import pytest
import requests
import urllib3.exceptions

import cacheai
from cacheai import RetryPolicy

from ._helpers import BASE_URL, CHAT_URL, MESSAGES, Reply, chunk_json, ok, serve, sse

NOW = 1_695_999_997.0  # Fri, 29 Sep 2023 16:26:37 GMT, the "now" of openai's own retry-after tests


@pytest.fixture
def no_jitter(monkeypatch: pytest.MonkeyPatch) -> None:
    """``random.random() == 0``: backoff delays are exactly ``min(0.5 * 2**n, 8)``."""
    monkeypatch.setattr("cacheai._retry.random.random", lambda: 0.0)


@pytest.fixture
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> float:
    monkeypatch.setattr("cacheai._retry.time.time", lambda: NOW)
    return NOW


def _date(offset: float) -> str:
    return email.utils.formatdate(NOW + offset, usegmt=True)


def create(client: cacheai.CacheAI) -> object:
    return client.chat.completions.create(model="m", messages=MESSAGES)


# -- which statuses are retried ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504, 529])
def test_retryable_statuses_are_retried_then_succeed(mock_api, client, sleeps, status):
    sent = serve(mock_api, "POST", CHAT_URL, Reply(status, json={"error": {"message": "x"}}), ok())
    result = create(client)
    assert result.id == "chatcmpl-1"
    assert len(sent) == 2
    assert len(sleeps) == 1


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 413, 418, 422])
def test_other_4xx_are_not_retried(mock_api, client, sleeps, status):
    sent = serve(mock_api, "POST", CHAT_URL, Reply(status, json={"error": {"message": "x"}}), ok())
    with pytest.raises(cacheai.APIStatusError) as info:
        create(client)
    assert info.value.status_code == status
    assert len(sent) == 1
    assert sleeps == []


def test_retries_are_exhausted_then_the_last_error_raised(mock_api, client, sleeps):
    sent = serve(
        mock_api, "POST", CHAT_URL,
        Reply(503, body="a", headers={"x-request-id": "r1"}),
        Reply(502, body="b", headers={"x-request-id": "r2"}),
        Reply(500, json={"error": {"message": "last"}}, headers={"x-request-id": "r3"}),
    )
    with pytest.raises(cacheai.InternalServerError) as info:
        create(client)
    assert len(sent) == 3  # max_retries=2 -> 3 attempts
    assert len(sleeps) == 2
    assert info.value.status_code == 500
    assert info.value.request_id == "r3"
    assert str(info.value) == "Error code: 500 - last"


@pytest.mark.parametrize("max_retries", [0, 1, 4])
def test_max_retries_bounds_the_attempts(mock_api, sleeps, max_retries):
    client = cacheai.CacheAI(base_url=BASE_URL, max_retries=max_retries)
    sent = serve(mock_api, "POST", CHAT_URL, Reply(429, body="slow"))
    with pytest.raises(cacheai.RateLimitError):
        create(client)
    assert len(sent) == max_retries + 1
    assert len(sleeps) == max_retries


def test_with_options_max_retries(mock_api, client, sleeps):
    sent = serve(mock_api, "POST", CHAT_URL, Reply(500, body="x"))
    with pytest.raises(cacheai.InternalServerError):
        create(client.with_options(max_retries=5))
    assert len(sent) == 6


# -- x-should-retry ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [400, 401, 404, 422])
def test_x_should_retry_true_forces_a_retry(mock_api, client, sleeps, status):
    sent = serve(mock_api, "POST", CHAT_URL, Reply(status, body="x", headers={"x-should-retry": "true"}), ok())
    create(client)
    assert len(sent) == 2
    assert len(sleeps) == 1


@pytest.mark.parametrize("status", [408, 409, 429, 500, 503])
def test_x_should_retry_false_prevents_a_retry(mock_api, client, sleeps, status):
    sent = serve(mock_api, "POST", CHAT_URL, Reply(status, body="x", headers={"x-should-retry": "false"}), ok())
    with pytest.raises(cacheai.APIStatusError):
        create(client)
    assert len(sent) == 1
    assert sleeps == []


def test_retry_after_cap_beats_x_should_retry_true(mock_api, client, sleeps):
    sent = serve(
        mock_api, "POST", CHAT_URL,
        Reply(429, body="x", headers={"x-should-retry": "true", "retry-after": "121"}), ok(),
    )
    with pytest.raises(cacheai.RateLimitError):
        create(client)
    assert len(sent) == 1


# -- transport errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        requests.exceptions.ConnectionError("Connection refused"),
        requests.exceptions.ChunkedEncodingError("broken"),
        urllib3.exceptions.ProtocolError("Connection aborted."),
        ConnectionResetError("reset by peer"),
    ],
    ids=["connection-error", "chunked", "protocol", "reset"],
)
def test_connection_errors_are_retried_then_raised(mock_api, client, sleeps, error):
    sent = serve(mock_api, "POST", CHAT_URL, error)
    with pytest.raises(cacheai.APIConnectionError) as info:
        create(client)
    assert type(info.value) is cacheai.APIConnectionError
    assert str(info.value) == "Connection error."
    assert info.value.__cause__ is error
    assert info.value.request is not None
    assert info.value.body is None
    assert len(sent) == 3
    assert len(sleeps) == 2


@pytest.mark.parametrize(
    "error",
    [
        requests.exceptions.ReadTimeout("read timed out"),
        requests.exceptions.ConnectTimeout("connect timed out"),
        urllib3.exceptions.ReadTimeoutError(None, "/", "Read timed out."),  # type: ignore[arg-type]
        TimeoutError("timed out"),
    ],
    ids=["read", "connect", "urllib3", "builtin"],
)
def test_timeouts_are_retried_then_raised(mock_api, client, sleeps, error):
    sent = serve(mock_api, "POST", CHAT_URL, error)
    with pytest.raises(cacheai.APITimeoutError) as info:
        create(client)
    assert str(info.value) == "Request timed out."
    assert isinstance(info.value, cacheai.APIConnectionError)
    assert info.value.__cause__ is error
    assert len(sent) == 3
    assert len(sleeps) == 2


def test_connection_error_then_success(mock_api, client, sleeps):
    sent = serve(mock_api, "POST", CHAT_URL, requests.exceptions.ConnectionError("refused"), ok())
    assert create(client).id == "chatcmpl-1"
    assert len(sent) == 2
    assert len(sleeps) == 1


def test_timeout_without_retries(mock_api, sleeps):
    client = cacheai.CacheAI(base_url=BASE_URL, max_retries=0)
    sent = serve(mock_api, "POST", CHAT_URL, requests.exceptions.ReadTimeout("slow"))
    with pytest.raises(cacheai.APITimeoutError):
        create(client)
    assert len(sent) == 1
    assert sleeps == []


def test_non_transport_exceptions_propagate_unchanged(mock_api, client, sleeps):
    sent = serve(mock_api, "POST", CHAT_URL, RuntimeError("a bug, not the network"))
    with pytest.raises(RuntimeError, match="a bug"):
        create(client)
    assert len(sent) == 1
    assert sleeps == []


def test_retried_requests_carry_the_same_body(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, Reply(503, body="x"), requests.exceptions.ConnectionError("x"), ok())
    client.chat.completions.create(model="m", messages=MESSAGES, temperature=0.3)
    assert len(sent) == 3
    assert all(s.body == sent[0].body for s in sent)
    assert sent[2].json()["temperature"] == 0.3


# -- retries_taken -------------------------------------------------------------------------------------------


def test_retries_taken_on_raw_responses(mock_api, client):
    serve(mock_api, "POST", CHAT_URL, Reply(500, body="x"), Reply(429, body="y"), ok(), ok())
    raw = client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES)
    assert raw.retries_taken == 2
    assert raw.status_code == 200
    assert raw.parse().id == "chatcmpl-1"
    again = client.with_raw_response.chat.completions.create(model="m", messages=MESSAGES)
    assert again.retries_taken == 0


# -- streaming requests --------------------------------------------------------------------------------------


def test_streaming_request_is_retried_before_the_stream_is_returned(mock_api, client, sleeps):
    body = sse(chunk_json("a"), "[DONE]")
    sent = serve(
        mock_api, "POST", CHAT_URL,
        Reply(503, body="busy"),
        Reply(200, body=body, headers={"Content-Type": "text/event-stream"}),
    )
    stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
    assert [c.choices[0].delta.content for c in stream] == ["a"]
    assert len(sent) == 2
    assert len(sleeps) == 1


def test_streaming_request_status_error_raises_from_create(mock_api, client):
    serve(mock_api, "POST", CHAT_URL, Reply(400, json={"error": {"message": "bad stream"}}))
    with pytest.raises(cacheai.BadRequestError, match="bad stream"):
        client.chat.completions.create(model="m", messages=MESSAGES, stream=True)


# -- server-directed delays (spec §3.2 reference table) ------------------------------------------------------


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [
        ("20", 20),
        ("0", 0.5),
        ("-10", 0.5),
        ("", 0.5),
        ("nan", 0.5),
        ("inf", 0.5),
        ("Fri, 29 Sep 2023 garbage", 0.5),
        ("not a date at all", 0.5),
        ("60", 60),
        ("61", 61),
        ("120", 120),
        ("1.5", 1.5),
        (_date(20), 20),
        (_date(0), 0.5),
        (_date(-10), 0.5),
        (_date(60), 60),
        (_date(61), 61),
        (_date(120), 120),
    ],
)
def test_retry_after_reference_table(no_jitter, frozen_now, retry_after, expected):
    policy = RetryPolicy()
    headers = {"retry-after": retry_after}
    assert policy.delay(0, headers) == pytest.approx(expected)
    assert policy.should_retry_status(429, headers) is True


@pytest.mark.parametrize(
    "retry_after", ["121", "99999999999999999999999999999999999", "1e999", _date(121), _date(10**6)]
)
def test_retry_after_above_120_seconds_is_not_retried(frozen_now, retry_after):
    assert RetryPolicy().should_retry_status(429, {"retry-after": retry_after}) is False
    assert RetryPolicy().should_retry_status(503, {"retry-after": retry_after}) is False


@pytest.mark.parametrize(("ms", "expected"), [("10", 0.01), ("1500", 1.5), ("120000", 120)])
def test_retry_after_ms(no_jitter, ms, expected):
    assert RetryPolicy().delay(0, {"retry-after-ms": ms}) == pytest.approx(expected)


def test_retry_after_ms_wins_over_retry_after(no_jitter):
    assert RetryPolicy().delay(0, {"retry-after-ms": "250", "retry-after": "30"}) == pytest.approx(0.25)


@pytest.mark.parametrize("ms", ["abc", "", "nan"])
def test_unparseable_retry_after_ms_falls_back_to_retry_after(no_jitter, ms):
    assert RetryPolicy().delay(0, {"retry-after-ms": ms, "retry-after": "7"}) == pytest.approx(7)


@pytest.mark.parametrize("ms", ["0", "-5"])
def test_non_positive_retry_after_ms_means_backoff(no_jitter, ms):
    assert RetryPolicy().delay(0, {"retry-after-ms": ms}) == pytest.approx(0.5)


def test_retry_after_ms_above_120_seconds_is_not_retried():
    assert RetryPolicy().should_retry_status(429, {"retry-after-ms": "120001"}) is False


def test_retry_after_headers_are_case_insensitive_on_real_responses(mock_api, client, sleeps):
    serve(mock_api, "POST", CHAT_URL, Reply(429, body="x", headers={"Retry-After": "3"}), ok())
    create(client)
    assert sleeps == [3]


@pytest.mark.parametrize(
    ("headers", "expected_sleep"),
    [
        ({"retry-after-ms": "10"}, 0.01),
        ({"retry-after": "20"}, 20),
        ({"retry-after": "120"}, 120),
        ({"retry-after": "0"}, 0.5),
        ({"retry-after": "garbage"}, 0.5),
    ],
)
def test_client_sleeps_what_the_server_asks(mock_api, client, sleeps, no_jitter, headers, expected_sleep):
    serve(mock_api, "POST", CHAT_URL, Reply(429, body="x", headers=headers), ok())
    create(client)
    assert sleeps == [pytest.approx(expected_sleep)]


def test_client_sleeps_until_an_http_date(mock_api, client, sleeps, frozen_now):
    serve(mock_api, "POST", CHAT_URL, Reply(503, body="x", headers={"retry-after": _date(30)}), ok())
    create(client)
    assert sleeps == [pytest.approx(30)]


@pytest.mark.parametrize(
    "headers",
    [{"retry-after": "121"}, {"retry-after": "99999999999999999999999999999999999"},
     {"retry-after-ms": "121000"}, {"retry-after": "1e999"}],
)
def test_client_raises_at_once_when_the_server_asks_too_long_a_wait(mock_api, client, sleeps, headers):
    sent = serve(mock_api, "POST", CHAT_URL, Reply(429, json={"error": {"message": "later"}}, headers=headers), ok())
    with pytest.raises(cacheai.RateLimitError, match="later"):
        create(client)
    assert len(sent) == 1
    assert sleeps == []


def test_client_raises_at_once_for_a_date_more_than_120_seconds_ahead(mock_api, client, sleeps, frozen_now):
    sent = serve(mock_api, "POST", CHAT_URL, Reply(503, body="x", headers={"retry-after": _date(121)}), ok())
    with pytest.raises(cacheai.InternalServerError):
        create(client)
    assert len(sent) == 1


# -- exponential backoff -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("retries_taken", "base"), [(0, 0.5), (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 8.0), (50, 8.0), (10**6, 8.0)]
)
@pytest.mark.parametrize(("rand", "factor"), [(0.0, 1.0), (0.5, 0.875), (1.0, 0.75)])
def test_backoff_formula(monkeypatch, retries_taken, base, rand, factor):
    monkeypatch.setattr("cacheai._retry.random.random", lambda: rand)
    assert RetryPolicy().delay(retries_taken) == pytest.approx(base * factor)
    assert RetryPolicy().delay(retries_taken, {}) == pytest.approx(base * factor)


def test_backoff_sequence_through_the_client(mock_api, sleeps, no_jitter):
    client = cacheai.CacheAI(base_url=BASE_URL, max_retries=6)
    serve(mock_api, "POST", CHAT_URL, Reply(500, body="x"))
    with pytest.raises(cacheai.InternalServerError):
        create(client)
    assert sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


def test_jitter_shortens_by_at_most_a_quarter(mock_api, sleeps, monkeypatch):
    monkeypatch.setattr("cacheai._retry.random.random", lambda: 1.0)
    client = cacheai.CacheAI(base_url=BASE_URL, max_retries=3)
    serve(mock_api, "POST", CHAT_URL, requests.exceptions.ConnectionError("x"))
    with pytest.raises(cacheai.APIConnectionError):
        create(client)
    assert sleeps == [pytest.approx(0.375), pytest.approx(0.75), pytest.approx(1.5)]


def test_real_jitter_stays_in_range():
    policy = RetryPolicy()
    for n, base in [(0, 0.5), (1, 1.0), (3, 4.0), (9, 8.0)]:
        for _ in range(200):
            delay = policy.delay(n)
            assert 0.75 * base <= delay <= base


# -- RetryPolicy ---------------------------------------------------------------------------------------------


def test_retry_policy_defaults():
    policy = RetryPolicy()
    assert (policy.base_delay, policy.max_delay, policy.jitter, policy.max_retry_after) == (0.5, 8.0, 0.25, 120.0)


def test_custom_policy_backoff(mock_api, sleeps):
    policy = RetryPolicy(base_delay=1.0, max_delay=3.0, jitter=0.0)
    client = cacheai.CacheAI(base_url=BASE_URL, max_retries=4, retry_policy=policy)
    serve(mock_api, "POST", CHAT_URL, Reply(503, body="x"))
    with pytest.raises(cacheai.InternalServerError):
        create(client)
    assert sleeps == [1.0, 2.0, 3.0, 3.0]


def test_custom_policy_jitter(monkeypatch):
    monkeypatch.setattr("cacheai._retry.random.random", lambda: 1.0)
    assert RetryPolicy(jitter=0.5).delay(0) == pytest.approx(0.25)
    assert RetryPolicy(jitter=1.0).delay(0) == 0.0


def test_custom_max_retry_after(mock_api, sleeps):
    policy = RetryPolicy(max_retry_after=10)
    client = cacheai.CacheAI(base_url=BASE_URL, retry_policy=policy)
    sent = serve(mock_api, "POST", CHAT_URL, Reply(429, body="x", headers={"retry-after": "5"}), ok())
    create(client)
    assert sleeps == [5]
    sleeps.clear()
    sent = serve(mock_api, "POST", CHAT_URL + "/other", Reply(429, body="x", headers={"retry-after": "11"}))
    with pytest.raises(cacheai.RateLimitError):
        client.post("/chat/completions/other", cast_to=dict)
    assert len(sent) == 1
    assert sleeps == []


def test_policy_is_kept_by_copies():
    policy = RetryPolicy(base_delay=2.0)
    client = cacheai.CacheAI(base_url=BASE_URL, retry_policy=policy)
    assert client.with_options(timeout=3).retry_policy is policy
    other = RetryPolicy(base_delay=3.0)
    assert client.with_options(retry_policy=other).retry_policy is other


@pytest.mark.parametrize(
    "kwargs",
    [
        {"base_delay": -1},
        {"max_delay": -0.1},
        {"max_retry_after": -5},
        {"base_delay": math.nan},
        {"max_delay": True},
        {"base_delay": "1"},
        {"jitter": -0.1},
        {"jitter": 1.5},
        {"jitter": math.nan},
    ],
)
def test_retry_policy_validation(kwargs):
    with pytest.raises(ValueError):
        RetryPolicy(**kwargs)


def test_retry_policy_is_immutable():
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        RetryPolicy().base_delay = 3  # type: ignore[misc]


def test_body_cut_off_mid_read_is_retried(mock_api, client, sleeps):
    from ._helpers import COMPLETION, chunked_body

    full = json.dumps(COMPLETION).encode()
    broken = chunked_body([full[:20]], ConnectionResetError("reset mid-body"))
    sent = serve(mock_api, "POST", CHAT_URL, Reply(200, body=broken), Reply(200, body=full))
    assert create(client).id == "chatcmpl-1"
    assert len(sent) == 2
    assert len(sleeps) == 1


def test_body_cut_off_every_time_is_a_connection_error(mock_api, sleeps):
    from ._helpers import chunked_body

    client = cacheai.CacheAI(base_url=BASE_URL, max_retries=1)
    replies = [Reply(200, body=chunked_body([b'{"id": "x", '], ConnectionResetError("reset"))) for _ in range(2)]
    sent = serve(mock_api, "POST", CHAT_URL, *replies)
    with pytest.raises(cacheai.APIConnectionError) as info:
        create(client)
    assert info.value.__cause__ is not None
    assert len(sent) == 2
