"""Progress of a batch: the ``BatchProgress`` event, user callbacks, a tqdm bar or a plain stderr line.

A ``progress_callback`` is called with the fraction done (``lambda p: print(f"{p:.1%}")``). The second form: a
callback with a keyword parameter named ``event`` (``def show(fraction, *, event): ...``) also receives the
``BatchProgress``. Callbacks run on the thread that called ``batch_generate``, one at a time, once per finished
prompt (the Batch API: once per status check), and last with 1.0 when everything finished. An input of unknown
length has no fraction: its callback is not called (the display still counts).
"""

from __future__ import annotations

import inspect
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["BatchProgress", "ProgressReporter"]


@dataclass(frozen=True, slots=True)
class BatchProgress:
    """Where a batch stands. ``total`` is ``None`` for an iterable of unknown length.

    ``done`` counts finished prompts (answers and failures), ``failed`` the failures, ``cached`` the answers
    from the response cache; ``tokens`` and ``cost`` (USD, priced answers only) sum the answers; ``rate`` is
    prompts per second since the start, ``elapsed`` seconds since the start.
    """

    total: int | None
    done: int
    failed: int
    cached: int
    tokens: int
    cost: float
    rate: float
    elapsed: float

    @property
    def fraction(self) -> float:
        if not self.total:
            return 1.0 if self.total == 0 else 0.0
        return min(1.0, self.done / self.total)


class ProgressReporter:
    """Counts finished prompts and tells the callback and the display; used from one thread only."""

    def __init__(
        self,
        total: int | None,
        callback: Callable[..., Any] | None,
        show: bool,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self._callback = callback
        self._wants_event = callback is not None and _takes_event(callback)
        self._clock = clock
        self._start = clock()
        self.done = self.failed = self.cached = self.tokens = 0
        self.cost = 0.0
        self.unpriced = 0  # answers with no price (their cost is not in ``cost``)
        self._display = _display(total) if show else None

    def record(self, result: Any) -> None:
        """One prompt finished with ``result`` (a ``ModelResponse`` or an exception)."""
        self.done += 1
        if isinstance(result, BaseException):
            self.failed += 1
        else:
            self.cached += bool(getattr(result, "cached", False))
            usage = getattr(result, "usage", None)
            if usage is not None:
                self.tokens += usage.total_tokens
                if usage.estimated_cost is None:
                    self.unpriced += 1
                else:
                    self.cost += usage.estimated_cost
        self.report()

    def set_counts(self, done: int, failed: int) -> None:
        """Absolute counts (the Batch API's request counts)."""
        self.done, self.failed = done, failed
        self.report()

    def event(self) -> BatchProgress:
        elapsed = max(0.0, self._clock() - self._start)
        return BatchProgress(
            total=self.total,
            done=self.done,
            failed=self.failed,
            cached=self.cached,
            tokens=self.tokens,
            cost=self.cost,
            rate=self.done / elapsed if elapsed > 0 else 0.0,
            elapsed=elapsed,
        )

    def report(self) -> None:
        event = self.event()
        if self._display is not None:
            self._display.update(event)
        if self._callback is not None and self.total is not None:
            if self._wants_event:
                self._callback(event.fraction, event=event)
            else:
                self._callback(event.fraction)

    def close(self) -> None:
        if self._display is not None:
            self._display.close(self.event())
            self._display = None


def _takes_event(callback: Callable[..., Any]) -> bool:
    try:
        parameters = inspect.signature(callback).parameters
    except (TypeError, ValueError):
        return False
    event = parameters.get("event")
    return event is not None and event.kind in (event.POSITIONAL_OR_KEYWORD, event.KEYWORD_ONLY)


class _Display:
    def update(self, event: BatchProgress) -> None:
        raise NotImplementedError

    def close(self, event: BatchProgress) -> None:
        raise NotImplementedError


def _display(total: int | None) -> _Display:
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        return _LineDisplay()
    return _TqdmDisplay(tqdm(total=total, unit="prompt", dynamic_ncols=True))


class _TqdmDisplay(_Display):
    def __init__(self, bar: Any) -> None:
        self._bar = bar

    def update(self, event: BatchProgress) -> None:
        self._bar.n = event.done
        self._bar.set_postfix(failed=event.failed, cached=event.cached, refresh=False)
        self._bar.refresh()

    def close(self, event: BatchProgress) -> None:
        self.update(event)
        self._bar.close()


class _LineDisplay(_Display):
    """Without tqdm: one line on stderr at most every ``EVERY_S`` seconds, and a last one."""

    EVERY_S = 2.0

    def __init__(self) -> None:
        self._last = 0.0

    def update(self, event: BatchProgress) -> None:
        if event.elapsed - self._last >= self.EVERY_S:
            self._last = event.elapsed
            self._write(event)

    def close(self, event: BatchProgress) -> None:
        self._write(event)

    def _write(self, event: BatchProgress) -> None:
        total = "?" if event.total is None else str(event.total)
        sys.stderr.write(
            f"cacheai batch: {event.done}/{total} prompts ({event.failed} failed, {event.cached} cached) "
            f"{event.rate:.1f}/s {event.elapsed:.0f}s\n"
        )
        sys.stderr.flush()
