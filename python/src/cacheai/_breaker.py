"""A circuit breaker per model, and fallback models.

``CircuitBreaker`` is a layer (``_layers.py``). After ``failure_threshold`` failed attempts (5xx, timeouts,
connection errors; never a 4xx, which the request caused) within ``window_s`` for one model, that model's circuit
opens: attempts fail fast with ``CircuitOpenError`` instead of waiting on a dead upstream. After ``recovery_s``
one trial call goes through (half-open): its success closes the circuit, its failure opens it again.

``send_with_fallbacks`` sends a call and, when its model's circuit is open or its retries are exhausted on a
server-side failure, sends it again with the body's ``model`` replaced by the next of ``fallback_models[model]``.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ._exceptions import APIConnectionError, APIStatusError, CircuitOpenError
from ._layers import Layer

if TYPE_CHECKING:
    import requests

    from ._exchange import Exchange
    from ._types import RequestOptions

__all__ = ["CircuitBreaker", "CircuitBreakerConfig", "CircuitOpenError", "CircuitState", "send_with_fallbacks"]

_TRIAL_NOTE = "circuit_trial"

State = Literal["closed", "open", "half_open"]


@dataclass(frozen=True)
class CircuitBreakerConfig:
    """When a model's circuit opens (``failure_threshold`` failures within ``window_s``) and when it is retried."""

    failure_threshold: int = 5
    window_s: float = 60.0
    recovery_s: float = 60.0

    def __post_init__(self) -> None:
        if not isinstance(self.failure_threshold, int) or self.failure_threshold < 1:
            raise ValueError(f"failure_threshold must be a positive integer, got {self.failure_threshold!r}")
        if self.window_s <= 0 or self.recovery_s < 0:
            raise ValueError("window_s must be positive and recovery_s not negative")


@dataclass(frozen=True)
class CircuitState:
    """One model's circuit in ``client.circuits`` (``retry_at`` on the breaker's clock, ``time.monotonic``)."""

    model: str
    state: State
    recent_failures: int
    retry_at: float | None


class _Circuit:
    __slots__ = ("failures", "opened_at", "state", "trial_running")

    def __init__(self) -> None:
        self.failures: deque[float] = deque()
        self.state: State = "closed"
        self.opened_at = 0.0
        self.trial_running = False


class CircuitBreaker(Layer, Mapping[str, CircuitState]):
    """Per-model circuits; thread-safe, shared by ``with_options`` copies. Read it as ``client.circuits[model]``."""

    def __init__(self, config: CircuitBreakerConfig | None = None, *, clock: Callable[[], float] = time.monotonic):
        self.config = config or CircuitBreakerConfig()
        self._clock = clock
        self._circuits: dict[str, _Circuit] = {}
        self._lock = threading.Lock()

    # -- reading -------------------------------------------------------------------------------------------

    def __getitem__(self, model: str) -> CircuitState:
        with self._lock:
            circuit = self._circuits[model]
            return self._view(model, circuit)

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            return iter(list(self._circuits))

    def __len__(self) -> int:
        return len(self._circuits)

    def __repr__(self) -> str:
        with self._lock:
            states = {model: circuit.state for model, circuit in self._circuits.items()}
        return f"CircuitBreaker({states!r})"

    def _view(self, model: str, circuit: _Circuit) -> CircuitState:
        self._forget_old(circuit, self._clock())
        retry_at = circuit.opened_at + self.config.recovery_s if circuit.state != "closed" else None
        return CircuitState(model, circuit.state, len(circuit.failures), retry_at)

    def reset(self) -> None:
        """Close every circuit and forget its failures."""
        with self._lock:
            self._circuits.clear()

    def _forget_old(self, circuit: _Circuit, now: float) -> None:
        horizon = now - self.config.window_s
        while circuit.failures and circuit.failures[0] < horizon:
            circuit.failures.popleft()

    # -- the layer hooks -----------------------------------------------------------------------------------

    def before_attempt(self, exchange: Exchange) -> None:
        model = exchange.model
        if model is None:
            return
        with self._lock:
            circuit = self._circuits.get(model)
            if circuit is None or circuit.state == "closed" or exchange.notes.get(_TRIAL_NOTE):
                return
            now = self._clock()
            retry_at = circuit.opened_at + self.config.recovery_s
            if now >= retry_at and not circuit.trial_running:
                circuit.state = "half_open"
                circuit.trial_running = True
                exchange.notes[_TRIAL_NOTE] = True
                return
        raise CircuitOpenError(model, max(0.0, retry_at - now), request=exchange.request)

    def after_attempt(
        self, exchange: Exchange, response: requests.Response | None, error: BaseException | None
    ) -> float | None:
        model = exchange.model
        if model is None:
            return None
        failed = response is None or response.status_code >= 500
        with self._lock:
            circuit = self._circuits.get(model)
            if not failed:
                if circuit is not None and (circuit.state != "closed" or circuit.failures):
                    if response is not None and response.status_code < 400:
                        self._close(circuit, exchange)
                    elif exchange.notes.pop(_TRIAL_NOTE, None):
                        circuit.trial_running = False  # a 4xx trial tells nothing: the next call tries again
                return None
            if circuit is None:
                circuit = self._circuits[model] = _Circuit()
            now = self._clock()
            circuit.failures.append(now)
            self._forget_old(circuit, now)
            if exchange.notes.pop(_TRIAL_NOTE, None) or len(circuit.failures) >= self.config.failure_threshold:
                circuit.state = "open"
                circuit.opened_at = now
                circuit.trial_running = False
        return None

    def _close(self, circuit: _Circuit, exchange: Exchange) -> None:
        circuit.state = "closed"
        circuit.failures.clear()
        circuit.trial_running = False
        exchange.notes.pop(_TRIAL_NOTE, None)

    def abort(self, exchange: Exchange, error: BaseException | None) -> None:
        if exchange.notes.pop(_TRIAL_NOTE, None) and exchange.model is not None:
            with self._lock:  # the trial ended without an answer (another layer stopped it): free its slot
                circuit = self._circuits.get(exchange.model)
                if circuit is not None:
                    circuit.trial_running = False


def _falls_back(error: Exception) -> bool:
    """Whether a failed call may go to a fallback model: an open circuit, or a server-side failure."""
    if isinstance(error, CircuitOpenError | APIConnectionError):
        return True
    return isinstance(error, APIStatusError) and error.status_code >= 500


def send_with_fallbacks(
    send: Callable[[RequestOptions], Exchange],
    options: RequestOptions,
    fallback_models: Mapping[str, Sequence[str]],
) -> Exchange:
    """``send(options)``, then the same call with each fallback model in turn while the failure allows it."""
    body = options.json_data
    model = body.get("model") if isinstance(body, Mapping) else None
    chain = fallback_models.get(model, ()) if isinstance(model, str) else ()
    if not chain:
        return send(options)
    assert isinstance(body, Mapping)
    last = len(chain)
    for index, candidate in enumerate([model, *chain]):
        attempt = options if index == 0 else dataclasses.replace(options, json_data={**body, "model": candidate})
        try:
            return send(attempt)
        except Exception as exc:
            if index == last or not _falls_back(exc):
                raise
    raise AssertionError("unreachable")
