"""The retry policy: which failures are retried and how long to wait before the next attempt.

Defaults are openai 3.57's: connection errors, timeouts, 408, 409, 429 and 5xx are retried; a response header
``x-should-retry: true|false`` overrides the status rule; the wait is ``retry-after-ms``, else ``Retry-After`` (seconds
or an HTTP date) when it lies in (0, 120] s, else exponential backoff ``min(0.5 * 2**n, 8)`` shrunk by up to 25 %
jitter. A server that asks for a wait longer than ``max_retry_after`` is not retried: its error is raised at once.
"""

from __future__ import annotations

import email.utils
import math
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["RetryPolicy"]

_RETRYABLE_STATUSES = frozenset({408, 409, 429})


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait between attempts. ``max_retries`` (on the client) says how many retries there are.

    Args:
        base_delay: the first backoff delay in seconds; each further retry doubles it.
        max_delay: the longest backoff delay in seconds.
        jitter: the largest fraction by which a backoff delay is randomly shortened (0 disables jitter).
        max_retry_after: the longest server-requested wait (``Retry-After``/``retry-after-ms``) that is honoured;
            a longer one makes the error surface at once instead of a retry.
    """

    base_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = 120.0

    def __post_init__(self) -> None:
        for name in ("base_delay", "max_delay", "max_retry_after"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not value >= 0:
                raise ValueError(f"RetryPolicy.{name} must be a non-negative number of seconds, got {value!r}")
        if not 0 <= self.jitter <= 1:
            raise ValueError(f"RetryPolicy.jitter must be between 0 and 1, got {self.jitter!r}")

    def should_retry_status(self, status_code: int, headers: Mapping[str, str]) -> bool:
        """Whether a response with this status and these headers may be retried (if retries remain)."""
        server_delay = retry_after_seconds(headers)
        if server_delay is not None and server_delay > self.max_retry_after:
            return False
        should = headers.get("x-should-retry")
        if should == "true":
            return True
        if should == "false":
            return False
        return status_code in _RETRYABLE_STATUSES or status_code >= 500

    def delay(self, retries_taken: int, headers: Mapping[str, str] | None = None) -> float:
        """Seconds to sleep before retry number ``retries_taken + 1``."""
        if headers:
            server_delay = retry_after_seconds(headers)
            if server_delay is not None and 0 < server_delay <= self.max_retry_after:
                return server_delay
        base = min(self.base_delay * 2.0 ** min(retries_taken, 1000), self.max_delay)
        return max(base * (1 - self.jitter * random.random()), 0.0)


DEFAULT_RETRY_POLICY = RetryPolicy()


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """The wait the server asks for, from ``retry-after-ms`` or ``Retry-After``; ``None`` when absent or invalid.

    A value too large to represent is returned as ``math.inf`` (so that it counts as "too long").
    """
    ms = headers.get("retry-after-ms")
    if ms is not None:
        seconds = _finite_float(ms)
        if seconds is not None:
            return seconds / 1000
    value = headers.get("retry-after")
    if value is None:
        return None
    seconds = _finite_float(value)
    if seconds is not None:
        return seconds
    parsed = email.utils.parsedate_tz(value)
    if parsed is None:
        return None
    try:
        return email.utils.mktime_tz(parsed) - time.time()
    except (OverflowError, ValueError):
        return None


def _finite_float(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    if math.isnan(value):
        return None
    if math.isinf(value):
        # "inf" literally is ignored; a numeric overflow ("1e999", 40 digits...) counts as too large.
        return None if text.strip().lower().lstrip("+-") in ("inf", "infinity") else math.inf
    return value
