"""What a client shares with its ``with_options`` copies: observed rate limits and price overrides."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._prices import Price
    from ._ratelimit_headers import RateLimitSnapshot

__all__ = ["ClientState", "ObservedRateLimits"]


class ClientState:
    """Shared, thread-safe state of one client family (a client and the copies made from it)."""

    __slots__ = ("_latest_headers", "prices")

    def __init__(self, prices: Mapping[str, Price] | None = None) -> None:
        self.prices: Mapping[str, Price] = prices or {}
        # model -> the headers of its latest response; parsed only when someone reads them.
        self._latest_headers: dict[str, Mapping[str, str]] = {}

    def observe(self, model: str, headers: Mapping[str, str]) -> None:
        """Remember a response's headers for ``model`` (hot path: one dict store, atomic under the GIL)."""
        self._latest_headers[model] = headers

    def latest_headers(self) -> dict[str, Mapping[str, str]]:
        return dict(self._latest_headers)

    def headers_for(self, model: str) -> Mapping[str, str] | None:
        return self._latest_headers.get(model)


class ObservedRateLimits(Mapping[str, "RateLimitSnapshot"]):
    """``client.rate_limits``: the latest rate-limit snapshot the server sent, per model asked for.

    A read-only mapping (``client.rate_limits["gpt-4o-mini"].remaining_tokens``), taken fresh at each access;
    models whose responses carried no rate-limit headers are absent.
    """

    def __init__(self, state: ClientState) -> None:
        self._state = state

    def _snapshots(self) -> dict[str, RateLimitSnapshot]:
        from ._ratelimit_headers import parse_rate_limit_headers

        snapshots = {}
        for model, headers in self._state.latest_headers().items():
            snapshot = parse_rate_limit_headers(headers)
            if snapshot is not None:
                snapshots[model] = snapshot
        return snapshots

    def __getitem__(self, model: str) -> RateLimitSnapshot:
        from ._ratelimit_headers import parse_rate_limit_headers

        headers = self._state.headers_for(model)
        snapshot = parse_rate_limit_headers(headers) if headers is not None else None
        if snapshot is None:
            raise KeyError(model)
        return snapshot

    def __iter__(self) -> Iterator[str]:
        return iter(self._snapshots())

    def __len__(self) -> int:
        return len(self._snapshots())

    def __repr__(self) -> str:
        return f"ObservedRateLimits({self._snapshots()!r})"
