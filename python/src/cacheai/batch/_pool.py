"""``PromptPool``: worker threads that take their next prompt from the input themselves.

A worker that finishes a prompt starts the next one at once, without waiting for the calling thread to hand it
over (that hop costs a GIL switch per prompt under load). The input is read under a lock, never more than
``read_ahead`` prompts ahead of the results the caller has taken, so memory stays flat on any input size.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

__all__ = ["PromptPool"]

_P = TypeVar("_P")
_DONE = object()  # a worker has exited


class _SourceFailed:
    """The caller's iterable raised while a worker read it: the batch stops with that error."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


class PromptPool(Generic[_P]):
    """``threads`` workers running ``work(prompt)`` over ``source`` (``(index, prompt)`` pairs); results in
    completion order through ``next_result``. Exceptions of ``work`` are results, not failures of the pool."""

    def __init__(
        self, source: Iterator[tuple[int, _P]], work: Callable[[_P], Any], *, threads: int, read_ahead: int
    ) -> None:
        self._source = source
        self._work = work
        self._lock = threading.Lock()
        self._slots = threading.Semaphore(read_ahead)  # prompts taken but not yet handed to the caller
        self._stopped = threading.Event()
        self._results: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._threads = threads
        self._running = threads
        for number in range(threads):
            threading.Thread(target=self._worker, name=f"cacheai-batch-{number}").start()

    def _worker(self) -> None:
        try:
            while True:
                self._slots.acquire()
                with self._lock:
                    if self._stopped.is_set():
                        return
                    try:
                        item = next(self._source, None)
                    except BaseException as error:
                        self._stopped.set()
                        self._results.put(_SourceFailed(error))
                        return
                if item is None:
                    return
                index, prompt = item
                try:
                    result = self._work(prompt)
                except BaseException as error:
                    result = error
                self._results.put((index, result))
        finally:
            self._results.put(_DONE)

    def next_result(self) -> tuple[int, Any] | None:
        """The next finished ``(index, result)``, or ``None`` when every prompt is done. Ctrl-C interrupts it."""
        while self._running:
            item = self._results.get()
            if item is _DONE:
                self._running -= 1
            elif isinstance(item, _SourceFailed):
                raise item.error
            else:
                self._slots.release()
                return item  # type: ignore[no-any-return]
        return None

    def stop(self) -> None:
        """Start no more prompts (those in flight finish; their workers then exit)."""
        if not self._stopped.is_set():
            self._stopped.set()
            for _ in range(self._threads):
                self._slots.release()  # wake the workers waiting for a slot

    def drain(self, timeout: float) -> dict[int, Any]:
        """After ``stop``: the results of the prompts in flight that finish within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        found: dict[int, Any] = {}
        while self._running:
            try:
                item = self._results.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if item is _DONE:
                self._running -= 1
            elif not isinstance(item, _SourceFailed):
                found[item[0]] = item[1]
        return found
