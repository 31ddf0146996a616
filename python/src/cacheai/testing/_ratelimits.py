"""``FakeRateLimits``: the fake server enforcing RPM and TPM the way OpenAI does.

Each model endpoint request (chat, completions, responses, embeddings) costs one request and its estimated
tokens (``cacheai.limits.estimate_request_tokens``: prompt + requested output), charged on arrival; when either
budget cannot cover it the answer is a genuine 429 with OpenAI's error body (type ``requests`` or ``tokens``,
code ``rate_limit_exceeded``), ``retry-after`` and ``retry-after-ms``. After a JSON answer the charge is corrected
to its ``usage.total_tokens`` (a stream keeps the estimate). Every response (429s included) carries OpenAI's
``x-ratelimit-{limit,remaining,reset}-{requests,tokens}`` headers, resets as Go durations (``1.5s``, ``6m0s``).
Budgets are continuous token buckets holding one minute's quota; ``clock`` is injectable.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from ..limits._bucket import Bucket
from ..limits._estimate import estimate_request_tokens
from ._faults import error_body

__all__ = ["FakeRateLimits", "go_duration"]

_LIMITED_PATHS = ("/chat/completions", "/completions", "/responses", "/embeddings")
_NO_OUTPUT_PATHS = ("/embeddings",)


def go_duration(seconds: float) -> str:
    """A duration the way OpenAI writes resets: ``20ms``, ``1.5s``, ``6m0s``."""
    milliseconds = max(0, math.ceil(seconds * 1000))
    if milliseconds < 1000:
        return f"{milliseconds}ms"
    minutes, rest = divmod(seconds, 60.0)
    text = f"{rest:.3f}".rstrip("0").rstrip(".") + "s"
    return f"{int(minutes)}m{text}" if minutes else text


class FakeRateLimits:
    """RPM/TPM enforcement for one ``FakeOpenAIServer`` (``None``: that limit is not enforced). Thread-safe.

    Counters for tests and benchmarks: ``admitted``, ``rejected`` (429s sent), ``rejected_tokens`` (the
    estimated tokens of the refused requests).
    """

    def __init__(
        self, *, rpm: float | None = None, tpm: float | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rpm = rpm
        self.tpm = tpm
        self.clock = clock
        self._lock = threading.Lock()
        now = clock()
        self._requests = Bucket(rpm, now) if rpm else None
        self._tokens = Bucket(tpm, now) if tpm else None
        self.admitted = 0
        self.rejected = 0
        self.rejected_tokens = 0

    def applies_to(self, method: str, path: str) -> bool:
        return method == "POST" and path.endswith(_LIMITED_PATHS)

    def enter(self, path: str, body: object, model: str) -> tuple[int, dict[str, Any] | None, dict[str, str]]:
        """Charge a request: ``(cost, None, headers)`` when admitted, ``(0, 429 body, headers)`` when not."""
        cost = estimate_request_tokens(body, generates=not path.endswith(_NO_OUTPUT_PATHS))
        with self._lock:
            now = self.clock()
            wait, kind, bucket = 0.0, "", None
            for name, candidate, amount in (("requests", self._requests, 1), ("tokens", self._tokens, cost)):
                if candidate is not None:
                    needed = candidate.wait_for(amount, now)
                    if needed > wait:
                        wait, kind, bucket = needed, name, candidate
            if bucket is not None:
                limit, used = bucket.capacity, bucket.capacity - bucket.level
                self.rejected += 1
                self.rejected_tokens += cost
                unit = "requests per min (RPM)" if kind == "requests" else "tokens per min (TPM)"
                requested = 1 if kind == "requests" else cost
                message = (
                    f"Rate limit reached for {model} in organization org-fake on {unit}: Limit {limit:.0f}, "
                    f"Used {used:.0f}, Requested {requested}. Please try again in {go_duration(wait)}. "
                    "Visit https://platform.openai.com/account/rate-limits to learn more."
                )
                headers = self._headers(now)
                headers["retry-after"] = str(max(1, math.ceil(wait)))
                headers["retry-after-ms"] = str(max(1, math.ceil(wait * 1000)))
                return 0, error_body(message, type=kind, code="rate_limit_exceeded", status=429), headers
            if self._requests is not None:
                self._requests.take(1, now)
            if self._tokens is not None:
                self._tokens.take(cost, now)
            self.admitted += 1
            return cost, None, self._headers(now)

    def settle(self, cost: int, body: object) -> dict[str, str]:
        """Correct an admitted request's charge to its ``usage.total_tokens``; the headers to send with it."""
        usage = body.get("usage") if isinstance(body, Mapping) else None
        total = usage.get("total_tokens") if isinstance(usage, Mapping) else None
        with self._lock:
            now = self.clock()
            if self._tokens is not None and isinstance(total, int):
                self._tokens.give(cost - total, now)
            return self._headers(now)

    def _headers(self, now: float) -> dict[str, str]:
        headers: dict[str, str] = {}
        for name, bucket in (("requests", self._requests), ("tokens", self._tokens)):
            if bucket is not None:
                headers[f"x-ratelimit-limit-{name}"] = str(int(bucket.capacity))
                headers[f"x-ratelimit-remaining-{name}"] = str(max(0, math.floor(bucket.refill(now))))
                headers[f"x-ratelimit-reset-{name}"] = go_duration(bucket.reset_in(now))
        return headers
