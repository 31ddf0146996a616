"""Round-robin measurement and the statistics reported from it.

Clients are measured side by side: each round runs every client once (in a rotating order), so slow drift
of a shared machine hits all of them alike. Ratios are computed inside each round, then summarised.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sample:
    """One client's cost in one round, per unit of work (a request, a chunk...)."""

    cpu: float
    wall: float


@dataclass
class Series:
    """One client's samples across rounds, plus anything it reported on the side."""

    samples: list[Sample] = field(default_factory=list)
    notes: dict[str, float] = field(default_factory=dict)

    def cpu(self) -> list[float]:
        return [sample.cpu for sample in self.samples]

    def wall(self) -> list[float]:
        return [sample.wall for sample in self.samples]


@dataclass(frozen=True)
class Summary:
    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Summary:
        return cls(statistics.median(values), min(values), max(values))


def timed(operation: Callable[[], object], repeat: int, units: float) -> Sample:
    """Run ``operation`` ``repeat`` times; CPU and wall seconds per unit (``units`` per call)."""
    gc.collect()
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    for _ in range(repeat):
        operation()
    cpu, wall = time.process_time() - cpu_start, time.perf_counter() - wall_start
    total = repeat * units
    return Sample(cpu / total, wall / total)


def round_robin(
    names: Sequence[str], run_one: Callable[[str], Sample], rounds: int, before_round: Callable[[], None] | None = None
) -> dict[str, Series]:
    """Measure every client once per round, rotating the order each round."""
    results = {name: Series() for name in names}
    for index in range(rounds):
        if before_round is not None:
            before_round()
        shift = index % len(names)
        for name in [*names[shift:], *names[:shift]]:
            results[name].samples.append(run_one(name))
    return results


def ratios(numerator: Sequence[float], denominator: Sequence[float]) -> list[float]:
    """Round-by-round ratios of two clients' figures."""
    return [a / b for a, b in zip(numerator, denominator, strict=True) if b > 0]
