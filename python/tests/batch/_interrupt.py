"""Ctrl-C for a subprocess of the batch tests, in the one way that can never hang the suite."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable

HANG_GUARD = 60  # seconds; only stops a broken test from hanging the suite, never an assertion


def interrupt(process: subprocess.Popen[str], *, when: Callable[[], bool]) -> tuple[str, str]:
    """Send SIGINT to ``process`` once ``when()`` is true; its ``(stdout, stderr)`` after it exits.

    A process that does not exit within ``HANG_GUARD`` seconds is killed (and the test then fails on its output).
    """
    try:
        deadline = time.monotonic() + HANG_GUARD
        while not when() and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=HANG_GUARD)
    finally:
        if process.poll() is None:
            process.kill()
            out, err = process.communicate()
    return out or "", err or ""
