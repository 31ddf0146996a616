"""``RateLimitExceededLocally``: the client's own limiter gave up waiting (no request was sent)."""

from __future__ import annotations

import json

import requests

from .._exceptions import RateLimitError

__all__ = ["RateLimitExceededLocally"]


class RateLimitExceededLocally(RateLimitError):
    """Admission would have waited longer than ``max_wait`` or the call's timeout. A ``RateLimitError``.

    ``budget`` is the limit that was full (``"requests_per_minute"``, ``"tokens_per_minute"``,
    ``"max_concurrent"`` or ``"pause"`` after a 429), ``wait`` how many seconds admission would have needed
    (``None`` when unknown: a concurrency slot frees up only when a call ends), ``bound`` the allowed wait.
    Its ``response`` is synthetic: status 429, ``retry-after`` set to ``wait``, no request id.
    """

    budget: str
    wait: float | None
    bound: float

    def __init__(
        self, budget: str, wait: float | None, bound: float, *, scope: str, request: requests.PreparedRequest | None
    ) -> None:
        would = "an unknown time" if wait is None else f"{wait:.2f} s"
        message = (
            f"Client-side rate limit: the {budget} budget of {scope!r} is full; admission would have waited "
            f"{would}, longer than the allowed {bound:.2f} s (max_wait or the call's timeout)"
        )
        body = {"message": message, "type": "client_rate_limit", "param": budget, "code": "rate_limit_exceeded"}
        response = requests.Response()
        response.status_code = 429
        response.reason = "Too Many Requests (client-side)"
        response.request = request  # type: ignore[assignment]
        if wait is not None:
            response.headers["retry-after"] = f"{wait:.3f}"
        response._content = json.dumps({"error": body}).encode()
        super().__init__(message, response=response, body=body)
        self.budget = budget
        self.wait = wait
        self.bound = bound
