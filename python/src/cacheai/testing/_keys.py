"""Per-key behaviour of the fake server: a set of accepted keys, revoked keys (401), rate-limited keys (429)."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable

from ._faults import ForcedResponse

__all__ = ["KeyRules", "bearer_key"]

_INVALID = "Incorrect API key provided. You can find your API key at https://platform.openai.com."


def bearer_key(authorization: str | None) -> str | None:
    """The key of an ``Authorization: Bearer <key>`` header, else ``None``."""
    if authorization and authorization[:7].lower() == "bearer ":
        return authorization[7:]
    return None


class KeyRules:
    """Which keys the server accepts, and which it rejects or rate-limits now. Thread-safe.

    With no keys configured every request is accepted (unless its key was revoked or rate-limited).
    """

    def __init__(self, keys: Iterable[str] = (), *, clock: Callable[[], float] = time.monotonic) -> None:
        self._accepted = set(keys)
        self._revoked: set[str] = set()
        self._limited: dict[str, float] = {}
        self._clock = clock
        self._lock = threading.Lock()

    def revoke(self, key: str) -> None:
        with self._lock:
            self._revoked.add(key)

    def rate_limit(self, key: str, seconds: float) -> None:
        """Answer ``key`` with 429 (``retry-after: seconds``) for the next ``seconds``; ``0`` lifts it."""
        with self._lock:
            if seconds <= 0:
                self._limited.pop(key, None)
            else:
                self._limited[key] = self._clock() + seconds

    def clear(self) -> None:
        """Lift every revocation and rate limit (the accepted keys stay)."""
        with self._lock:
            self._revoked.clear()
            self._limited.clear()

    def denial(self, authorization: str | None) -> ForcedResponse | None:
        """The error response for a request with this ``Authorization`` header, or ``None`` to serve it."""
        key = bearer_key(authorization)
        with self._lock:
            if key is not None and key in self._revoked:
                return ForcedResponse.error(401, message=_INVALID, code="invalid_api_key")
            if self._accepted and key not in self._accepted:
                return ForcedResponse.error(401, message=_INVALID, code="invalid_api_key")
            until = self._limited.get(key) if key is not None else None
            if until is not None:
                left = until - self._clock()
                if left > 0:
                    wait = str(max(1, math.ceil(left)))
                    return ForcedResponse.error(
                        429,
                        message="Rate limit reached for requests on this key.",
                        headers={"retry-after": wait, "x-ratelimit-remaining-requests": "0"},
                    )
                del self._limited[key]  # type: ignore[arg-type]
        return None
