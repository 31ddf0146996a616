"""The seam where optional layers (cache, rate limiter, key pool, circuit breaker) join the HTTP path.

``HTTPManager.send`` is the one HTTP path. For a client with layers it calls, in the layers' order:

- ``lookup`` once per call, before anything is sent: a layer may answer the call itself (a cache hit) by
  returning a ``requests.Response``; the later layers and the network are then skipped.
- ``before_attempt`` before every attempt, retries included: a layer may wait (admission), pick or set headers
  (a key), or raise a typed error (an open circuit, a wait that would exceed its bound).
- ``after_attempt`` after every attempt, with the response (any status) or the transport error: a layer reads
  headers, counts failures, and may return a retry delay in seconds that replaces the retry policy's (``0``: retry
  at once, e.g. on another key).
- exactly one of ``complete`` (the call succeeded and its body is read; for a stream, its end marker arrived)
  or ``abort`` (it failed, or its stream broke, was closed early or was garbage-collected) for every call that
  got past ``lookup``.

A layer whose ``canonical_body`` is true (the cache, which hashes the bytes about to be sent) makes the client
encode its JSON request bodies with sorted keys, the canonical form, and ``exchange.body_canonical`` says so.

A client without layers pays one emptiness check per call; ``lookup`` and the per-attempt hooks are called only
on the layers that override them. Layers are built once per client and shared by its
``with_options`` copies; they must be thread-safe.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    import requests

    from ._exchange import Exchange

__all__ = ["Layer"]


class Layer:
    """Base class of a layer: every hook does nothing; override the ones you need."""

    canonical_body: ClassVar[bool] = False
    """Ask for JSON request bodies encoded with sorted keys (``cacheai.cache.canonical_json``)."""

    def lookup(self, exchange: Exchange) -> requests.Response | None:
        """Answer the call without sending it, or ``None`` to let it go on."""
        return None

    def before_attempt(self, exchange: Exchange) -> None:
        """Called before each attempt (``exchange.attempt`` is 0 for the first)."""

    def after_attempt(
        self, exchange: Exchange, response: requests.Response | None, error: BaseException | None
    ) -> float | None:
        """Called after each attempt with its response (any status) or its transport error."""
        return None

    def complete(self, exchange: Exchange) -> None:
        """The call succeeded and its whole body has been read (a stream: at its end marker)."""

    def abort(self, exchange: Exchange, error: BaseException | None) -> None:
        """The call failed (``error``), or its stream was closed or dropped before the end (``None``)."""
