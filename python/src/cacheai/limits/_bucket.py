"""``Bucket``: a continuous token bucket (capacity = one minute of quota), pure arithmetic on a given time."""

from __future__ import annotations

__all__ = ["Bucket"]


class Bucket:
    """Holds up to ``capacity`` units and refills at ``capacity / 60`` per second. Not thread-safe (the limiter
    holds its lock); every method takes the current time, so tests drive it with any clock.

    ``level`` may go below zero: a reconcile that charges more than was estimated is a debt paid by refill.
    ``headroom_s``: an admission also needs that many seconds of refill in hand, so that a request arriving at the
    server sooner after the previous one than it left the client (network jitter) still fits the server's bucket.
    """

    __slots__ = ("capacity", "headroom_s", "level", "margin", "one", "rate", "updated")

    def __init__(self, capacity: float, now: float, headroom_s: float = 0.0) -> None:
        self.headroom_s = headroom_s
        self._resize(float(capacity))
        self.level = self.capacity
        self.updated = now

    def _resize(self, capacity: float) -> None:
        self.capacity = capacity
        self.rate = capacity / 60.0
        self.margin = self.rate * self.headroom_s
        self.one = min(1.0 + self.margin, capacity)  # what one unit needs in hand (see ``wait_for``)

    def refill_level(self, now: float) -> float:
        """The level ``refill(now)`` would bring, without changing the bucket (``now`` after ``updated``)."""
        level = self.level + (now - self.updated) * self.rate
        return self.capacity if level > self.capacity else level

    def refill(self, now: float) -> float:
        """Bring the level up to ``now``; returns it."""
        if now > self.updated:
            self.level = self.refill_level(now)
            self.updated = now
        return self.level

    def wait_for(self, amount: float, now: float) -> float:
        """Seconds until ``amount`` units fit (``0.0``: now). An amount above the capacity waits for a full bucket."""
        need = min(amount + self.margin, self.capacity) - self.refill(now)
        return 0.0 if need <= 0 else need / self.rate

    def take(self, amount: float, now: float) -> None:
        self.refill(now)
        self.level -= amount

    def give(self, amount: float, now: float) -> None:
        """Refund (``amount`` > 0) or charge (< 0) after the fact; never above the capacity."""
        level = self.refill(now) + amount
        self.level = self.capacity if level > self.capacity else level

    def correct(self, limit: int | None, remaining: int | None, now: float) -> None:
        """Take the server's figures as the truth: a new limit resizes the bucket, a lower remaining lowers it."""
        if limit is not None and limit != self.capacity:
            self.refill(now)
            self._resize(float(limit))
            self.level = min(self.level, self.capacity)
        if remaining is not None:
            self.refill(now)
            self.level = min(self.level, float(remaining))

    def reset_in(self, now: float) -> float:
        """Seconds until the bucket is full."""
        return max(0.0, (self.capacity - self.refill(now)) / self.rate)
