"""``Exchange``: one API call on its way through the HTTP path, and what it took.

An exchange is created by ``HTTPManager.send`` for every call. The layers (``_layers.py``) read and annotate it;
the result the caller gets keeps a reference to it, from which ``cacheai.info`` builds the ``ResponseInfo``
record on first read (nothing is parsed or priced on the hot path).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import requests
    from requests.models import PreparedRequest

    from ._layers import Layer
    from ._types import RequestOptions

__all__ = ["Exchange"]


class Exchange:
    """One call: its options, prepared request, answer, retries and timings (``time.perf_counter`` seconds).

    ``sent_at`` is when the first attempt was sent (after any admission wait), ``answered_at`` when the body was
    read (for a stream: when its headers arrived), ``first_content_at`` a stream's first content-bearing item
    and ``finished_at`` its end. ``usage``/``answered_model`` are filled in by streams from their items.
    ``notes`` is free space for layers (keyed by the layer's name). A layer that sets ``recorder`` to a list gets
    a stream's raw body bytes appended to it as they arrive.
    """

    __slots__ = (
        "_done",
        "answered_at",
        "answered_model",
        "body",
        "body_canonical",
        "cache_key",
        "cached",
        "finished_at",
        "first_content_at",
        "info",
        "layers",
        "model",
        "notes",
        "options",
        "owner",
        "recorder",
        "request",
        "response",
        "retries_taken",
        "saw_end_marker",
        "sent_at",
        "stream",
        "usage",
        "wall_time",
    )

    def __init__(
        self,
        options: RequestOptions,
        request: PreparedRequest,
        body: Any,
        *,
        stream: bool,
        layers: tuple[Layer, ...],
        owner: Any,
    ) -> None:
        self.options = options
        self.request = request
        self.body = body  # the final JSON body before encoding (after extra_body), or None
        self.body_canonical = False  # request.body is canonical_json(body) (a layer asked for sorted keys)
        self.stream = stream
        self.layers = layers
        self.owner = owner  # the HTTPManager: the client's prices and observed rate limits
        self.model: str | None = _model_of(body)
        self.response: requests.Response | None = None
        self.retries_taken = 0
        self.sent_at = 0.0
        self.answered_at = 0.0
        self.first_content_at = 0.0
        self.finished_at = 0.0
        self.wall_time = time.time()
        self.usage: Any = None
        self.answered_model: str | None = None
        self.cached = False
        self.cache_key: str | None = None
        self.recorder: list[bytes] | None = None  # set by a layer that wants a stream's raw bytes
        self.saw_end_marker = False  # a stream's [DONE] arrived
        self.notes: dict[str, Any] = {}
        self.info: Any = None  # the ResponseInfo, once built
        self._done = False

    @property
    def attempt(self) -> int:
        """The current attempt, 0 for the first."""
        return self.retries_taken

    @property
    def done(self) -> bool:
        return self._done

    def complete(self) -> None:
        """Tell the layers the call succeeded (once; a cached answer is not reported back to them)."""
        if self._done:
            return
        self._done = True
        if not self.cached:
            for layer in self.layers:
                layer.complete(self)

    def abort(self, error: BaseException | None) -> None:
        """Tell the layers the call failed or was abandoned (once)."""
        if self._done:
            return
        self._done = True
        if not self.cached:
            for layer in self.layers:
                layer.abort(self, error)

    def release(self) -> None:
        """Let go of the HTTP response and the request body once ``info`` (the record) is built, which then needs
        neither: answers kept by the thousand (``batch_generate``'s) shrink by about a third."""
        if self.info is not None:
            self.response = None
            self.body = None

    # The record travels with results that users copy and pickle; the live request and response do not.
    def __copy__(self) -> Exchange:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Exchange:
        return self

    def __reduce__(self) -> Any:
        return (_no_record, ())


def _no_record() -> None:
    """What an exchange unpickles to: the record describes one live call and is not carried over."""
    return None


def _model_of(body: Any) -> str | None:
    if isinstance(body, Mapping):
        model = body.get("model")
        if isinstance(model, str):
            return model
    return None
