"""``RateLimitConfig``: the numbers one budget enforces."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["RateLimitConfig"]


@dataclass(frozen=True, slots=True)
class RateLimitConfig:
    """Client-side limits for one budget (``None``: that limit is not enforced).

    Args:
        requests_per_minute: requests admitted per minute (a continuous token bucket holding one minute's worth).
        tokens_per_minute: estimated tokens (prompt + requested output) admitted per minute; charged before the
            call and corrected to the real ``usage`` after it.
        max_concurrent: calls in flight at once (a stream holds its slot until it is finished or closed).
        adaptive_throttling: correct the budgets from every response's ``x-ratelimit-*`` headers; with no numbers
            given, the limits are learnt from those headers.
        max_wait: the longest a call waits for admission, in seconds (default: the call's timeout).
        backend: ``None`` (this process) or ``"redis://host:6379/0"`` to share the budgets between processes.
    """

    requests_per_minute: float | None = None
    tokens_per_minute: float | None = None
    max_concurrent: int | None = None
    adaptive_throttling: bool = False
    max_wait: float | None = None
    backend: str | None = None

    def __post_init__(self) -> None:
        for name in ("requests_per_minute", "tokens_per_minute", "max_wait"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0):
                raise ValueError(f"RateLimitConfig.{name} must be a positive number or None, got {value!r}")
        concurrent = self.max_concurrent
        if concurrent is not None and (
            isinstance(concurrent, bool) or not isinstance(concurrent, int) or concurrent < 1
        ):
            raise ValueError(f"RateLimitConfig.max_concurrent must be a positive integer or None, got {concurrent!r}")
        if self.backend is not None and not self.backend.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError(f"RateLimitConfig.backend must be None or a redis:// URL, got {self.backend!r}")
