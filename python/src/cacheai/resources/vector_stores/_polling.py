"""Waiting for a vector store file or file batch to be processed (``poll``, ``*_and_poll``), as openai waits:
the server's ``openai-poll-after-ms`` hint (else one second) unless ``poll_interval_ms`` is given."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from typing import Any

from ..._types import NotGiven, Omit, is_given

__all__ = ["poll", "validate_max_wait_seconds"]


def validate_max_wait_seconds(max_wait_seconds: float | Omit | NotGiven) -> None:
    """``ValueError`` for a ``max_wait_seconds`` that is negative or not finite (openai's check)."""
    if is_given(max_wait_seconds) and (not math.isfinite(max_wait_seconds) or max_wait_seconds < 0):  # type: ignore[arg-type, operator]
        raise ValueError("Expected a finite, non-negative value for `max_wait_seconds`")


def _remaining(deadline: float, what: str) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError(f"Timed out waiting for {what} to finish processing")
    return remaining


def poll(
    retrieve_raw: Callable[[Mapping[str, str]], Any],
    still_processing: Callable[[Any], bool],
    *,
    what: str,
    poll_interval_ms: int | Omit | NotGiven,
    max_wait_seconds: float | Omit | NotGiven,
) -> Any:
    """Retrieve (``retrieve_raw(extra_headers)`` gives an ``APIResponse``) until ``still_processing`` is false.

    With ``max_wait_seconds``, a ``TimeoutError`` naming ``what`` once that much time has passed.
    """
    validate_max_wait_seconds(max_wait_seconds)
    deadline = time.monotonic() + max_wait_seconds if is_given(max_wait_seconds) else None  # type: ignore[operator]
    headers = {"X-Stainless-Poll-Helper": "true"}
    if is_given(poll_interval_ms):
        headers["X-Stainless-Custom-Poll-Interval"] = str(poll_interval_ms)
    interval = poll_interval_ms
    while True:
        if deadline is not None:
            _remaining(deadline, what)
        response = retrieve_raw(headers)
        result = response.parse()
        if not still_processing(result):
            return result
        if not is_given(interval):
            hint = response.headers.get("openai-poll-after-ms")
            interval = int(hint) if hint is not None else 1000
        seconds = interval / 1000  # type: ignore[operator]
        if deadline is not None:
            seconds = min(seconds, _remaining(deadline, what))
        time.sleep(seconds)
