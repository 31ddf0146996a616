"""Rate-limit headers of every dialect in the wild, read into one ``RateLimitSnapshot`` (issue 9)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import requests

import cacheai
from cacheai._ratelimit_headers import RateLimitSnapshot, parse_rate_limit_headers

NOW = 1_755_780_000.0  # 2025-08-21T12:40:00Z
FIELDS = (
    "limit_requests",
    "remaining_requests",
    "reset_requests_s",
    "limit_tokens",
    "remaining_tokens",
    "reset_tokens_s",
)


def fields(snapshot: RateLimitSnapshot | None) -> dict[str, Any]:
    assert snapshot is not None
    return {name: getattr(snapshot, name) for name in FIELDS}


def expected(**values: Any) -> dict[str, Any]:
    return {name: values.get(name) for name in FIELDS}


DIALECTS = [
    pytest.param(
        {
            "x-ratelimit-limit-requests": "60",
            "x-ratelimit-limit-tokens": "150000",
            "x-ratelimit-remaining-requests": "59",
            "x-ratelimit-remaining-tokens": "149984",
            "x-ratelimit-reset-requests": "1s",
            "x-ratelimit-reset-tokens": "6m0s",
        },
        expected(
            limit_requests=60,
            remaining_requests=59,
            reset_requests_s=1.0,
            limit_tokens=150000,
            remaining_tokens=149984,
            reset_tokens_s=360.0,
        ),
        id="openai",
    ),
    pytest.param(
        {
            "x-ratelimit-limit-requests": "14400",
            "x-ratelimit-limit-tokens": "6000",
            "x-ratelimit-remaining-requests": "14370",
            "x-ratelimit-remaining-tokens": "5997",
            "x-ratelimit-reset-requests": "2m59.56s",
            "x-ratelimit-reset-tokens": "7.66s",
            "retry-after": "2",
        },
        expected(
            limit_requests=14400,
            remaining_requests=14370,
            reset_requests_s=pytest.approx(179.56),
            limit_tokens=6000,
            remaining_tokens=5997,
            reset_tokens_s=pytest.approx(7.66),
        ),
        id="groq",
    ),
    pytest.param(
        {"x-ratelimit-remaining-requests": "99", "x-ratelimit-remaining-tokens": "98000"},
        expected(remaining_requests=99, remaining_tokens=98000),
        id="azure",
    ),
    pytest.param(
        {
            "x-ratelimit-limit-tokens": "-1",
            "x-ratelimit-remaining-tokens": "-1",
            "x-ratelimit-reset-tokens": "0",
        },
        expected(reset_tokens_s=0.0),
        id="azure-responses-unknown",
    ),
    pytest.param(
        {"x-ratelimit-limit-requests": "0", "x-ratelimit-remaining-requests": "0"},
        expected(remaining_requests=0),
        id="zero-limit-unknown-zero-remaining-known",
    ),
    pytest.param(
        {
            "x-ratelimit-limit": "10",
            "x-ratelimit-remaining": "9",
            "x-ratelimit-reset": "1",
            "x-tokenlimit-limit": "200000",
            "x-tokenlimit-remaining": "199000",
        },
        expected(
            limit_requests=10, remaining_requests=9, reset_requests_s=1.0, limit_tokens=200000, remaining_tokens=199000
        ),
        id="together",
    ),
    pytest.param(
        {"X-RateLimit-Limit": "20", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int((NOW + 30) * 1000))},
        expected(limit_requests=20, remaining_requests=0, reset_requests_s=30.0),
        id="openrouter-epoch-ms",
    ),
    pytest.param(
        {"x-ratelimit-reset": str(int(NOW + 45)), "x-ratelimit-remaining": "3"},
        expected(remaining_requests=3, reset_requests_s=45.0),
        id="epoch-seconds",
    ),
    pytest.param(
        {
            "x-ratelimit-api_key-limit-requests": "100",
            "x-ratelimit-api_key-remaining-requests": "97",
            "x-ratelimit-api_key-limit-tokens": "10000",
            "x-ratelimit-api_key-remaining-tokens": "9500",
            "x-litellm-call-id": "abc",
        },
        expected(limit_requests=100, remaining_requests=97, limit_tokens=10000, remaining_tokens=9500),
        id="litellm",
    ),
    pytest.param(
        {
            "x-ratelimit-limit-req-minute": "120",
            "x-ratelimit-remaining-req-minute": "119",
            "x-ratelimit-limit-tokens-minute": "500000",
            "x-ratelimit-remaining-tokens-minute": "499000",
            "x-ratelimit-tokens-query-cost": "1000",
        },
        expected(limit_requests=120, remaining_requests=119, limit_tokens=500000, remaining_tokens=499000),
        id="mistral",
    ),
    pytest.param(
        {
            "anthropic-ratelimit-requests-limit": "50",
            "anthropic-ratelimit-requests-remaining": "49",
            "anthropic-ratelimit-requests-reset": "2025-08-21T12:40:59Z",
            "anthropic-ratelimit-tokens-limit": "40000",
            "anthropic-ratelimit-tokens-remaining": "39000",
            "anthropic-ratelimit-tokens-reset": "2025-08-21T12:41:30.500+00:00",
            "anthropic-ratelimit-input-tokens-limit": "30000",
        },
        expected(
            limit_requests=50,
            remaining_requests=49,
            reset_requests_s=59.0,
            limit_tokens=40000,
            remaining_tokens=39000,
            reset_tokens_s=90.5,
        ),
        id="anthropic-rfc3339",
    ),
    pytest.param(
        {"anthropic-ratelimit-tokens-reset": "2025-08-21T12:39:00Z", "anthropic-ratelimit-tokens-remaining": "5"},
        expected(remaining_tokens=5, reset_tokens_s=0.0),
        id="reset-in-the-past-is-now",
    ),
    pytest.param(
        {"x-ratelimit-remaining-tokens_usage_based": "100", "x-ratelimit-remaining-tokens": "7"},
        expected(remaining_tokens=7),
        id="extra-openai-headers-kept-raw-only",
    ),
]


@pytest.mark.parametrize(("headers", "want"), DIALECTS)
def test_dialects(headers: dict[str, str], want: dict[str, Any]) -> None:
    snapshot = parse_rate_limit_headers(headers, now=NOW)
    assert fields(snapshot) == want
    assert snapshot is not None
    assert dict(snapshot.headers) == {
        name.lower(): value for name, value in headers.items() if not name.lower().startswith("x-litellm")
    }
    assert snapshot.observed_at == NOW


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("0s", 0.0),
        ("1s", 1.0),
        ("20ms", 0.02),
        ("12ms", 0.012),
        ("9ms", 0.009),
        ("6m0s", 360.0),
        ("2m59.56s", 179.56),
        ("1h2m3s", 3723.0),
        ("1h", 3600.0),
        ("5m", 300.0),
        ("1.5µs", 1.5e-6),
        ("250us", 2.5e-4),
        ("100ns", 1e-7),
        ("7.66s", 7.66),
        ("3", 3.0),
        ("0.5", 0.5),
        (" 1s ", 1.0),
        ("2025-08-21T12:40:10Z", 10.0),
        ("2025-08-21T12:40:10", 10.0),  # no offset: UTC
        ("2025-08-21T14:40:10+02:00", 10.0),
        (str(int(NOW) + 10), 10.0),
        (str(int(NOW * 1000) + 10_000), 10.0),
        ("100000000000", 0.0),  # 1e11: epoch milliseconds, 1973, long past
        ("99999999999", None),  # just below 1e11: epoch seconds, year 5138, too far away
    ],
)
def test_reset_forms(value: str, seconds: float | None) -> None:
    snapshot = parse_rate_limit_headers({"x-ratelimit-reset-tokens": value}, now=NOW)
    assert snapshot is not None
    assert snapshot.reset_tokens_s == (None if seconds is None else pytest.approx(seconds))


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "-5",
        "-5s",
        "1.2.3",
        "1.2.3s",
        "",
        "   ",
        "6m0",
        "s",
        "m",
        "ms",
        "h5s",
        "1e3",
        "inf",
        "nan",
        "1d",
        "5 s",
        "9" * 400,  # too large for a float
        "2025-13-45T99:99:99Z",
        "2025-08-21Tnoon",
        str(int(NOW) + 400 * 86400),  # more than a year away
    ],
)
def test_malformed_resets_are_none(value: str) -> None:
    snapshot = parse_rate_limit_headers({"x-ratelimit-reset-requests": value}, now=NOW)
    assert snapshot is not None
    assert snapshot.reset_requests_s is None


@pytest.mark.parametrize(
    "value",
    ["abc", "-5", "-1", "1.5", "1.2.3", "", "   ", "1e3", "9" * 30, str(2**63), "0x10", "nan"],
)
def test_malformed_counts_are_none(value: str) -> None:
    snapshot = parse_rate_limit_headers(
        {"x-ratelimit-remaining-requests": value, "x-ratelimit-limit-tokens": value}, now=NOW
    )
    assert fields(snapshot) == expected()


def test_largest_count_that_fits_is_kept() -> None:
    snapshot = parse_rate_limit_headers({"x-ratelimit-remaining-tokens": str(2**63 - 1)}, now=NOW)
    assert snapshot is not None and snapshot.remaining_tokens == 2**63 - 1


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"content-type": "application/json", "x-request-id": "req_1"},
        {"retry-after": "5"},  # a retry hint alone is no rate-limit state
        {"ratelimit-remaining": "5"},
    ],
)
def test_no_rate_limit_headers_is_none(headers: dict[str, str]) -> None:
    assert parse_rate_limit_headers(headers, now=NOW) is None


def test_names_are_case_insensitive_in_any_mapping() -> None:
    plain = {"X-RATELIMIT-REMAINING-REQUESTS": "5", "X-RateLimit-Reset-Tokens": "20ms", "Retry-After": "1"}
    for headers in (plain, requests.structures.CaseInsensitiveDict(plain)):
        snapshot = parse_rate_limit_headers(headers, now=NOW)
        assert fields(snapshot) == expected(remaining_requests=5, reset_tokens_s=0.02)
        assert snapshot is not None
        assert dict(snapshot.headers) == {
            "x-ratelimit-remaining-requests": "5",
            "x-ratelimit-reset-tokens": "20ms",
            "retry-after": "1",
        }


def test_parses_headers_of_a_real_requests_response() -> None:
    response = requests.Response()
    response.headers.update({"X-Ratelimit-Limit-Requests": "3", "x-ratelimit-remaining-requests": "2"})
    assert fields(parse_rate_limit_headers(response.headers, now=NOW)) == expected(
        limit_requests=3, remaining_requests=2
    )


def test_first_dialect_name_wins() -> None:
    snapshot = parse_rate_limit_headers(
        {"x-ratelimit-remaining": "1", "x-ratelimit-remaining-requests": "2", "x-tokenlimit-limit": "8"}, now=NOW
    )
    assert fields(snapshot) == expected(remaining_requests=2, limit_tokens=8)


def test_absolute_reset_times() -> None:
    snapshot = parse_rate_limit_headers(
        {"x-ratelimit-reset-requests": "1.5s", "x-ratelimit-remaining-tokens": "1"}, now=NOW
    )
    assert snapshot is not None
    assert snapshot.reset_requests_at() == NOW + 1.5
    assert snapshot.reset_tokens_at() is None


def test_observed_at_defaults_to_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cacheai._ratelimit_headers.time.time", lambda: 1234.5)
    snapshot = parse_rate_limit_headers({"x-ratelimit-reset-requests": "2s"})
    assert snapshot is not None
    assert snapshot.observed_at == 1234.5
    assert snapshot.reset_requests_at() == 1236.5


def test_snapshot_is_frozen_and_its_headers_read_only() -> None:
    snapshot = parse_rate_limit_headers({"x-ratelimit-remaining-requests": "5"}, now=NOW)
    assert snapshot is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        snapshot.remaining_requests = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        snapshot.headers["x-ratelimit-remaining-requests"] = "4"  # type: ignore[index]
    assert not hasattr(snapshot, "__dict__")  # slots


def test_exported_lazily_from_the_package() -> None:
    assert cacheai.RateLimitSnapshot is RateLimitSnapshot
    assert "RateLimitSnapshot" in cacheai.__all__
