"""The figures of the benchmark: what each measures, how, and how its results are checked.

A figure runs every client round by round against the benchmark server (see ``measure.round_robin``) and
returns a ``FigureResult``; before timing, each client's answer is checked against the expected values, so
a client that got something wrong cannot look fast.
"""

from __future__ import annotations

import json
import logging
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import payloads
from clients import BenchClient, Encoding
from measure import Sample, Series, round_robin, timed

HERE = Path(__file__).resolve().parent


@dataclass
class FigureResult:
    key: str
    title: str
    unit: str  # how per-unit values are shown: "us", "ms"
    per: str  # what one unit is: "request", "chunk"...
    series: dict[str, Series]
    notes: list[str] = field(default_factory=list)


class ServerProbe:
    """Asks the benchmark server for its CPU time and accepted connections, on a connection of its own."""

    def __init__(self, port: int) -> None:
        import http.client

        self._connection = http.client.HTTPConnection("127.0.0.1", port)

    def stats(self) -> tuple[float, int]:
        self._connection.request("GET", "/_bench/cpu")
        data = json.loads(self._connection.getresponse().read())
        return float(data["process_time"]), int(data["connections"])

    def close(self) -> None:
        self._connection.close()


class VerificationError(RuntimeError):
    """A client returned something other than what the server sent."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise VerificationError(message)


def expected_embeddings(rows: int) -> list[list[float]]:
    return [list(row) for row in payloads.embedding_matrix()[:rows]]


def expected_model_ids() -> list[str]:
    return [model["id"] for model in json.loads(payloads.models_body())["data"]]


@dataclass
class Bench:
    """Shared state of one run: the clients, the server probe and the run's sizes."""

    clients: dict[str, BenchClient]
    probe: ServerProbe
    rounds: int

    @property
    def names(self) -> list[str]:
        return list(self.clients)

    def per_unit(
        self,
        key: str,
        title: str,
        unit: str,
        per: str,
        operation: Callable[[BenchClient], Callable[[], object]],
        verify: Callable[[str, object], None],
        repeat: int,
        units_per_call: float,
    ) -> FigureResult:
        """The common figure: each client repeats one operation; cost per unit, with server-side figures."""
        operations = {name: operation(client) for name, client in self.clients.items()}
        for name, run in operations.items():
            verify(name, run())
        server_cpu: dict[str, list[float]] = {name: [] for name in self.names}
        connections: dict[str, list[int]] = {name: [] for name in self.names}

        def run_one(name: str) -> Sample:
            cpu_before, connections_before = self.probe.stats()
            sample = timed(operations[name], repeat, units_per_call)
            cpu_after, connections_after = self.probe.stats()
            server_cpu[name].append((cpu_after - cpu_before) / (repeat * units_per_call))
            connections[name].append(connections_after - connections_before)
            return sample

        series = round_robin(self.names, run_one, self.rounds)
        for name in self.names:
            series[name].notes["server_cpu"] = statistics.median(server_cpu[name])
            series[name].notes["connections_per_call"] = statistics.median(connections[name]) / repeat
        return FigureResult(key, title, unit, per, series)


def chat(bench: Bench, repeat: int) -> FigureResult:
    def verify(name: str, result: object) -> None:
        _check(result == payloads.CHAT_CONTENT, f"{name}: wrong chat reply {result!r}")

    return bench.per_unit(
        "chat", "Chat completion (non-streaming)", "us", "request",
        lambda client: client.chat, verify, repeat, 1,
    )  # fmt: skip


def stream(bench: Bench, chunks: int, repeat: int) -> FigureResult:
    expected = (chunks, len(payloads.stream_content(chunks)))

    def verify(name: str, result: object) -> None:
        _check(result == expected, f"{name}: stream of {chunks} gave {result!r}, expected {expected!r}")

    return bench.per_unit(
        f"stream_{chunks}", f"Streamed chat, {chunks:,} chunks (cost per chunk)", "us", "chunk",
        lambda client: lambda: client.stream(chunks), verify, repeat, chunks,
    )  # fmt: skip


def models(bench: Bench, repeat: int) -> FigureResult:
    expected = expected_model_ids()

    def verify(name: str, result: object) -> None:
        _check(result == expected, f"{name}: wrong model ids")

    return bench.per_unit(
        "models", f"models.list() ({payloads.MODEL_COUNT} models)", "us", "call",
        lambda client: client.models, verify, repeat, 1,
    )  # fmt: skip


def embeddings(bench: Bench, encoding: Encoding, repeat: int, rows: int) -> FigureResult:
    expected = expected_embeddings(rows)

    def verify(name: str, result: object) -> None:
        _check(result == expected, f"{name}: embeddings ({encoding}) differ from the server's float32 values")
        _check(all(type(value) is float for value in expected[0]), f"{name}: embeddings are not floats")

    shape = f"{rows} x {payloads.EMBEDDING_DIMENSIONS}"
    labels = {"default": "default encoding_format", "float": 'encoding_format="float"',
              "base64": 'encoding_format="base64", decoded by the caller'}  # fmt: skip
    return bench.per_unit(
        f"embeddings_{encoding}", f"Embeddings {shape}, {labels[encoding]} (result: list[float])", "ms", "call",
        lambda client: lambda: client.embeddings(encoding, rows), verify, repeat, 1,
    )  # fmt: skip


def first_chunk(bench: Bench, chunks: int, repeat: int) -> FigureResult:
    """Wall time to the first chunk (median of ``repeat`` streams per round); CPU is per whole stream."""

    def run_one(name: str) -> Sample:
        client = bench.clients[name]
        cpu_start = time.process_time()
        waits = [client.first_chunk_seconds(chunks, time.perf_counter) for _ in range(repeat)]
        return Sample((time.process_time() - cpu_start) / repeat, statistics.median(waits))

    series = round_robin(bench.names, run_one, bench.rounds)
    return FigureResult(
        "first_chunk", f"Time to first chunk ({chunks}-chunk stream)", "us", "stream", series,
        ["wall = median time from the call to the first parsed chunk; CPU = per whole stream"],
    )  # fmt: skip


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def threads(bench: Bench, thread_count: int, per_thread: int) -> FigureResult:
    """``thread_count`` threads share one client; each makes ``per_thread`` chat requests."""
    counter = _WarningCounter()
    watched = [logging.getLogger(name) for name in ("urllib3", "httpx", "httpcore", "cacheai", "openai")]
    for logger in watched:
        logger.addHandler(counter)
    errors: dict[str, int] = {name: 0 for name in bench.names}
    warnings_seen: dict[str, int] = {name: 0 for name in bench.names}
    connections: dict[str, list[int]] = {name: [] for name in bench.names}

    def run_one(name: str) -> Sample:
        client = bench.clients[name]
        barrier = threading.Barrier(thread_count + 1)
        failures: list[BaseException] = []

        def work() -> None:
            barrier.wait()
            for _ in range(per_thread):
                try:
                    if client.chat() != payloads.CHAT_CONTENT:
                        raise VerificationError(f"{name}: wrong chat reply under threads")
                except Exception as exc:
                    failures.append(exc)

        workers = [threading.Thread(target=work) for _ in range(thread_count)]
        for worker in workers:
            worker.start()
        warnings_before = len(counter.messages)
        _, connections_before = bench.probe.stats()
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        barrier.wait()
        for worker in workers:
            worker.join()
        cpu, wall = time.process_time() - cpu_start, time.perf_counter() - wall_start
        _, connections_after = bench.probe.stats()
        connections[name].append(connections_after - connections_before)
        errors[name] += len(failures)
        warnings_seen[name] += len(counter.messages) - warnings_before
        total = thread_count * per_thread
        return Sample(cpu / total, wall / total)

    try:
        for name in bench.names:  # warm-up: every thread opens its connection once
            bench.clients[name].chat()
        series = round_robin(bench.names, run_one, bench.rounds)
    finally:
        for logger in watched:
            logger.removeHandler(counter)
    for name in bench.names:
        series[name].notes["errors"] = errors[name]
        series[name].notes["warnings"] = warnings_seen[name]
        series[name].notes["connections_per_round"] = max(connections[name])
    notes = [f"sample warnings: {sorted(set(counter.messages))[:3]}"] if counter.messages else []
    return FigureResult(
        "threads", f"{thread_count} threads sharing one client (chat requests)", "us", "request", series, notes
    )


def _fresh(arguments: Sequence[str], env_extra: dict[str, str] | None = None) -> Any:
    import os

    env = dict(os.environ)
    env.update(env_extra or {})
    output = subprocess.run(
        [sys.executable, str(HERE / "fresh_process.py"), *arguments],
        check=True, capture_output=True, text=True, env=env,
    )  # fmt: skip
    return json.loads(output.stdout.strip().splitlines()[-1])


def startup(variants: Sequence[str], port: int, rounds: int) -> dict[str, list[dict[str, float]]]:
    """Import, construction and first request, each variant in a fresh interpreter, alternating by round."""
    results: dict[str, list[dict[str, float]]] = {variant: [] for variant in variants}
    for index in range(rounds):
        shift = index % len(variants)
        for variant in [*variants[shift:], *variants[:shift]]:
            results[variant].append(_fresh(["startup", variant, str(port)]))
    return results


def memory(names: Sequence[str], port: int, stream_chunks: int, request_count: int) -> dict[str, dict[str, Any]]:
    """RSS over one long stream and over many requests, each client in a fresh interpreter."""
    return {name: _fresh(["memory", name, str(port), str(stream_chunks), str(request_count)]) for name in names}
