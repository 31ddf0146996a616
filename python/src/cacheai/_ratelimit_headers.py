"""Rate-limit state from response headers: one parser for every dialect servers send.

Understood names (case-insensitive; the first one present wins for each field):

- OpenAI, Groq, Azure: ``x-ratelimit-{limit,remaining,reset}-{requests,tokens}``; resets are Go-style durations
  (``6m0s``, ``2m59.56s``, ``20ms``). Azure sends only ``remaining-*`` and may send ``-1`` for "unknown".
- LiteLLM's proxy: ``x-ratelimit-api_key-{limit,remaining}-{requests,tokens}``.
- Mistral: ``x-ratelimit-{limit,remaining}-req-minute`` and ``x-ratelimit-{limit,remaining}-tokens-minute``.
- Together (and OpenRouter's 429s): ``x-ratelimit-{limit,remaining,reset}`` for requests, ``x-tokenlimit-{limit,
  remaining}`` for tokens.
- Anthropic-style: ``anthropic-ratelimit-{requests,tokens}-{limit,remaining,reset}``, absolute RFC 3339 resets.

A reset is returned as seconds from ``now``. A bare number is read by magnitude: below 1e9 it is a duration in
seconds; from 1e9 to 1e11 it is a Unix time in seconds (1e9 s is 2001-09-09; 1e11 s is the year 5138); from 1e11 on it
is a Unix time in milliseconds. A reset already in the past is ``0.0``. Values that cannot be read (text, negative
counts, a ``-1`` or ``0`` limit, a reset more than a year away) are ``None``; parsing never raises.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from types import MappingProxyType

__all__ = ["RateLimitSnapshot", "parse_rate_limit_headers"]

# Headers whose presence makes a snapshot; ``retry-after*`` is kept in the raw headers when it comes along.
_RATE_LIMIT_PREFIXES = ("x-ratelimit-", "x-tokenlimit-", "anthropic-ratelimit-")
_KEPT_PREFIXES = (*_RATE_LIMIT_PREFIXES, "retry-after", "x-ms-retry-after-ms")

_LIMIT_REQUESTS = (
    "x-ratelimit-limit-requests",
    "x-ratelimit-api_key-limit-requests",
    "x-ratelimit-limit-req-minute",
    "x-ratelimit-limit",
    "anthropic-ratelimit-requests-limit",
)
_REMAINING_REQUESTS = (
    "x-ratelimit-remaining-requests",
    "x-ratelimit-api_key-remaining-requests",
    "x-ratelimit-remaining-req-minute",
    "x-ratelimit-remaining",
    "anthropic-ratelimit-requests-remaining",
)
_RESET_REQUESTS = ("x-ratelimit-reset-requests", "x-ratelimit-reset", "anthropic-ratelimit-requests-reset")
_LIMIT_TOKENS = (
    "x-ratelimit-limit-tokens",
    "x-ratelimit-api_key-limit-tokens",
    "x-ratelimit-limit-tokens-minute",
    "x-tokenlimit-limit",
    "anthropic-ratelimit-tokens-limit",
)
_REMAINING_TOKENS = (
    "x-ratelimit-remaining-tokens",
    "x-ratelimit-api_key-remaining-tokens",
    "x-ratelimit-remaining-tokens-minute",
    "x-tokenlimit-remaining",
    "anthropic-ratelimit-tokens-remaining",
)
_RESET_TOKENS = ("x-ratelimit-reset-tokens", "anthropic-ratelimit-tokens-reset")

_MAX_COUNT = 2**63 - 1
_MAX_RESET_S = 366 * 86400.0
_EPOCH_SECONDS_FROM = 1e9
_EPOCH_MILLISECONDS_FROM = 1e11
# Go's sub-second units; each is tried before "m" and "s" so that "20ms" is never read as minutes.
_SUB_SECOND_UNITS = (("ms", 1e-3), ("µs", 1e-6), ("us", 1e-6), ("ns", 1e-9))
_NUMBER_CHARS = frozenset("0123456789.")


@dataclass(frozen=True, slots=True)
class RateLimitSnapshot:
    """The rate-limit state one response reported. Counts are ints; resets are seconds after ``observed_at``.

    Every field is ``None`` when the server did not send it (or sent something unreadable). ``headers`` holds the
    raw rate-limit headers (lower-cased names, read-only), including ones no field covers.
    """

    limit_requests: int | None
    remaining_requests: int | None
    reset_requests_s: float | None
    limit_tokens: int | None
    remaining_tokens: int | None
    reset_tokens_s: float | None
    headers: Mapping[str, str]
    observed_at: float

    def reset_requests_at(self) -> float | None:
        """The Unix time when the request budget is full again, or ``None`` if unknown."""
        return None if self.reset_requests_s is None else self.observed_at + self.reset_requests_s

    def reset_tokens_at(self) -> float | None:
        """The Unix time when the token budget is full again, or ``None`` if unknown."""
        return None if self.reset_tokens_s is None else self.observed_at + self.reset_tokens_s


def parse_rate_limit_headers(headers: Mapping[str, str], *, now: float | None = None) -> RateLimitSnapshot | None:
    """The rate-limit state in ``headers``, or ``None`` when they carry no rate-limit header at all.

    ``now`` (a Unix time, default ``time.time()``) is when the response was received; absolute resets are turned
    into seconds from it.
    """
    raw: dict[str, str] = {}
    has_rate_limit = False
    for name, value in headers.items():
        lowered = name.lower()
        if lowered.startswith(_KEPT_PREFIXES):
            raw[lowered] = value
            if not has_rate_limit and lowered.startswith(_RATE_LIMIT_PREFIXES):
                has_rate_limit = True
    if not has_rate_limit:
        return None
    if now is None:
        now = time.time()
    return RateLimitSnapshot(
        limit_requests=_limit(_first(raw, _LIMIT_REQUESTS)),
        remaining_requests=_count(_first(raw, _REMAINING_REQUESTS)),
        reset_requests_s=_reset_seconds(_first(raw, _RESET_REQUESTS), now),
        limit_tokens=_limit(_first(raw, _LIMIT_TOKENS)),
        remaining_tokens=_count(_first(raw, _REMAINING_TOKENS)),
        reset_tokens_s=_reset_seconds(_first(raw, _RESET_TOKENS), now),
        headers=MappingProxyType(raw),
        observed_at=now,
    )


def _first(raw: Mapping[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = raw.get(name)
        if value is not None:
            return value
    return None


def _count(text: str | None) -> int | None:
    """A non-negative integer count; anything else is ``None``."""
    if text is None:
        return None
    try:
        value = int(text)
    except ValueError:  # int() of a str raises nothing else (too many digits is a ValueError too)
        return None
    return value if 0 <= value <= _MAX_COUNT else None


def _limit(text: str | None) -> int | None:
    """A limit: like a count, but ``0`` means unknown (Azure sends ``0``/``-1`` when it has none)."""
    value = _count(text)
    return value if value else None


def _reset_seconds(text: str | None, now: float) -> float | None:
    """Seconds from ``now`` until a reset given as a Go duration, a number or an RFC 3339 time."""
    if text is None:
        return None
    text = text.strip()
    if not text:
        return None
    if _NUMBER_CHARS.issuperset(text):
        seconds = _number(text)
        if seconds is None:
            return None
        if seconds >= _EPOCH_MILLISECONDS_FROM:
            seconds = seconds / 1000 - now
        elif seconds >= _EPOCH_SECONDS_FROM:
            seconds -= now
    elif len(text) >= 10 and text[4] == "-" and text[:4].isdigit():
        seconds = _rfc3339_seconds(text, now)
    else:
        seconds = _go_duration_seconds(text)
    if seconds is None or seconds > _MAX_RESET_S:
        return None
    return max(seconds, 0.0)


def _go_duration_seconds(text: str) -> float | None:
    """``1h2m3.5s``, ``6m0s``, ``20ms``... (Go's ``Duration.String()``) as seconds; ``None`` if any part is bad."""
    for unit, scale in _SUB_SECOND_UNITS:  # only ever alone: Go writes "20ms", never "1s20ms"
        if text.endswith(unit):
            number = _number(text[: -len(unit)])
            return None if number is None else number * scale
    total = 0.0
    hours, found, rest = text.partition("h")
    if found:
        number = _number(hours)
        if number is None:
            return None
        total += number * 3600
    else:
        rest = text
    minutes, found, seconds = rest.partition("m")
    if found:
        number = _number(minutes)
        if number is None:
            return None
        total += number * 60
    else:
        seconds = rest
    if seconds:
        number = _number(seconds[:-1]) if seconds[-1] == "s" else None
        if number is None:
            return None
        total += number
    return total


def _number(text: str) -> float | None:
    """A plain non-negative decimal (``7``, ``2.5``); float() alone would also take ``inf``, ``-5`` or ``1e3``."""
    if not text or not _NUMBER_CHARS.issuperset(text):
        return None
    try:
        value = float(text)  # still fails on "1.2.3" or "."
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _rfc3339_seconds(text: str, now: float) -> float | None:
    if text[-1] in "zZ":
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp() - now
