"""Start a third-party server as a child process on a free 127.0.0.1 port, wait until it answers, stop it by PID.

A server that is not installed or does not come up fails the test run when ``CI=true`` (CI must prove these
claims on every change) and skips it, with the reason, on a developer machine.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest
import requests

IN_CI = os.environ.get("CI", "").lower() == "true"
CACHE_DIR = Path(os.environ.get("CACHEAI_CI_CACHE", Path.home() / ".cache" / "cacheai-ci"))
REPO_ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = Path(__file__).parent / "data"


def unavailable(reason: str) -> NoReturn:
    """Fail in CI, skip elsewhere: a missing server must never pass silently in CI."""
    message = f'{reason}\nInstall the servers with: eval "$(.ci/servers/install.sh)"'
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def required_path(env_var: str, default: Path, what: str) -> Path:
    """The path named by ``env_var`` (as set by .ci/servers/install.sh), else ``default``; must exist."""
    path = Path(os.environ.get(env_var) or default)
    if not path.exists():
        unavailable(f"{what} not found at {path} (set {env_var})")
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class ServerProcess:
    """One running server: its URL root, its log file, and the means to stop it."""

    def __init__(
        self,
        name: str,
        command: Sequence[str],
        *,
        port: int,
        log_path: Path,
        cwd: Path | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.name = name
        self.port = port
        self.root = f"http://127.0.0.1:{port}"
        self.log_path = log_path
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(
            list(command),
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so that stop() also ends its workers
        )

    def log_tail(self, lines: int = 40) -> str:
        self._log.flush()
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def wait_until_ready(self, is_ready: Callable[[], bool], timeout: float) -> None:
        """Poll ``is_ready`` until it is true; on timeout or early exit, stop and fail/skip with the log."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                unavailable(
                    f"{self.name} exited with code {self.process.returncode} during start-up; "
                    f"its log ({self.log_path}):\n{self.log_tail()}"
                )
            try:
                if is_ready():
                    return
            except requests.RequestException:
                pass
            time.sleep(0.25)
        self.stop()
        unavailable(f"{self.name} was not ready after {timeout:.0f} s; its log ({self.log_path}):\n{self.log_tail()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self._log.close()


def answers(url: str, *, headers: Mapping[str, str] | None = None) -> bool:
    """True once ``url`` answers at all with a non-5xx status (the server is up and routing)."""
    response = requests.get(url, headers=dict(headers or {}), timeout=2)
    return response.status_code < 500


@dataclass(frozen=True)
class RunningServer:
    """What a test needs to talk to one server."""

    name: str
    root: str  # scheme://host:port
    base_url: str  # what a client's base_url is set to
    api_key: str
    process: ServerProcess


@dataclass(frozen=True)
class LiteLLMServer(RunningServer):
    limited_key: str  # allowed 2 requests a minute
    metered_key: str  # allowed 10,000 requests and 1,000,000 tokens a minute: rate-limit headers, no 429s
