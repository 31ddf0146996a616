"""Renders a benchmark run as Markdown: machine, versions, command, one table per figure, the targets."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata

from figures import FigureResult
from fresh_process import import_statement
from measure import Summary, ratios

_SCALE = {"us": 1e6, "ms": 1e3}
_MIB = 1024 * 1024


def _num(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _spread(values: Sequence[float], scale: float = 1.0) -> str:
    summary = Summary.of([value * scale for value in values])
    return f"{_num(summary.median)} ({_num(summary.low)}-{_num(summary.high)})"


def _ratio(values: Sequence[float]) -> str:
    if not values:
        return "-"
    summary = Summary.of(values)
    return f"{summary.median:.2f}x ({summary.low:.2f}-{summary.high:.2f})"


def machine_lines() -> list[str]:
    cpu_model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    cpu_model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return [
        f"- Machine: {platform.system()} {platform.release()}, {cpu_model}, {os.cpu_count()} CPUs, "
        f"load average at start {load}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
    ]


def version_line(packages: Sequence[str]) -> str:
    found = []
    for package in packages:
        try:
            found.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package} (not installed)")
    return "- Versions: " + ", ".join(found)


def figure_table(figure: FigureResult) -> list[str]:
    scale = _SCALE[figure.unit]
    names = list(figure.series)
    has_server = all("server_cpu" in series.notes for series in figure.series.values())
    header = (
        f"| client | CPU {figure.unit}/{figure.per} | wall {figure.unit}/{figure.per} | CPU ÷ openai | CPU ÷ requests |"
    )
    align = "|---|---:|---:|---:|---:|"
    if has_server:
        header += f" server CPU {figure.unit}/{figure.per} | connections/call |"
        align += "---:|---:|"
    lines = [f"### {figure.title}", "", header, align]
    for name in names:
        series = figure.series[name]
        row = f"| {name} | {_spread(series.cpu(), scale)} | {_spread(series.wall(), scale)} |"
        for reference in ("openai", "requests"):
            if reference in names and reference != name:
                row += f" {_ratio(ratios(series.cpu(), figure.series[reference].cpu()))} |"
            else:
                row += " - |"
        if has_server:
            row += f" {_num(series.notes['server_cpu'] * scale)} | {series.notes['connections_per_call']:.2f} |"
        lines.append(row)
    lines += ["", *[f"_{note}_" for note in figure.notes]] if figure.notes else []
    return [*lines, ""]


def threads_table(figure: FigureResult) -> list[str]:
    names = list(figure.series)
    lines = [
        f"### {figure.title}",
        "",
        "| client | requests/s | ÷ requests | CPU us/request | errors | warnings | connections opened |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    reference = figure.series.get("requests")
    for name in names:
        series = figure.series[name]
        rates = [1 / wall for wall in series.wall()]
        versus = (
            _ratio(ratios(rates, [1 / wall for wall in reference.wall()])) if reference and name != "requests" else "-"
        )
        lines.append(
            f"| {name} | {_spread(rates)} | {versus} | {_spread(series.cpu(), 1e6)} | {series.notes['errors']:.0f} | "
            f"{series.notes['warnings']:.0f} | {series.notes['connections_per_round']:.0f} |"
        )
    lines += ["", *[f"_{note}_" for note in figure.notes]] if figure.notes else []
    return [*lines, ""]


def startup_table(results: dict[str, list[dict[str, float]]]) -> list[str]:
    lines = [
        "### Import and client construction (fresh interpreter each time)",
        "",
        "| variant | import ms | import ÷ openai | import ÷ requests + pydantic | first construction ms | "
        "next construction ms | first request ms | import to first reply ms | ÷ openai |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]

    def column(variant: str, key: str) -> list[float]:
        return [run[key] for run in results[variant]]

    def to_first_reply(variant: str) -> list[float]:
        return [run["import_wall"] + run["construct_wall"] + run["first_request_wall"] for run in results[variant]]

    for variant in results:
        imports = column(variant, "import_wall")
        cells = []
        for reference in ("openai", "requests + pydantic"):
            if reference in results and reference != variant:
                cells.append(_ratio(ratios(imports, column(reference, "import_wall"))))
            else:
                cells.append("-")
        total = to_first_reply(variant)
        total_ratio = (
            _ratio(ratios(total, to_first_reply("openai"))) if "openai" in results and variant != "openai" else "-"
        )
        lines.append(
            f"| {variant} | {_spread(imports, 1e3)} | {cells[0]} | {cells[1]} | "
            f"{_spread(column(variant, 'construct_wall'), 1e3)} | "
            f"{_spread(column(variant, 'second_construct_wall'), 1e3)} | "
            f"{_spread(column(variant, 'first_request_wall'), 1e3)} | {_spread(total, 1e3)} | {total_ratio} |"
        )
    statements = "; ".join(f"{variant}: `{import_statement(variant)}`" for variant in results)
    lines += [
        "",
        f"_Wall times. Imports timed: {statements}. "
        "Constructions: `CacheAI(...)`/`OpenAI(...)` with base_url and api_key, `requests.Session()`, "
        "`http.client.HTTPConnection(...)`. First request: one chat completion right after, in the same process, "
        'so work an import defers to first use shows up there; "import to first reply" is the sum._',
        "",
    ]
    return lines


@dataclass(frozen=True)
class MemoryVerdict:
    stream_growth: int
    request_growth: int
    objects_growth: int

    @classmethod
    def of(cls, result: dict[str, object]) -> MemoryVerdict:
        samples = result["request_samples"]
        assert isinstance(samples, list)
        return cls(
            int(result["stream_peak"]) - int(result["stream_base"]),  # type: ignore[call-overload]
            int(samples[-1]) - int(samples[0]),
            int(result["objects_growth"]),  # type: ignore[call-overload]
        )

    def flat(self) -> bool:
        return self.stream_growth < 4 * _MIB and self.request_growth < _MIB and self.objects_growth < 500


def memory_table(results: dict[str, dict[str, object]], stream_chunks: int, request_count: int) -> list[str]:
    lines = [
        "### Memory (fresh interpreter per client, RSS)",
        "",
        f"| client | RSS before stream MiB | peak growth over a {stream_chunks:,}-chunk stream MiB | "
        f"RSS growth over requests {request_count // 10:,}→{request_count:,} MiB | live objects growth | flat |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, result in results.items():
        verdict = MemoryVerdict.of(result)
        lines.append(
            f"| {name} | {int(result['stream_base']) / _MIB:.1f} | {verdict.stream_growth / _MIB:.2f} | "  # type: ignore[call-overload]
            f"{verdict.request_growth / _MIB:.2f} | {verdict.objects_growth} | {'yes' if verdict.flat() else 'NO'} |"
        )
    lines += [
        "",
        "_Flat = stream peak growth < 4 MiB (the stream carries ~25 MB), RSS growth between the first tenth and the "
        "end of the requests < 1 MiB, and fewer than 500 more live objects (gc-tracked) at the end than after the "
        "first tenth._",
        "",
    ]
    return lines


@dataclass(frozen=True)
class Target:
    description: str
    values: Sequence[float]
    limit: float
    higher_is_better: bool = False

    def row(self) -> str:
        if not self.values:
            return f"| {self.description} | - | not measured |"
        median = statistics.median(self.values)
        met = median >= self.limit if self.higher_is_better else median <= self.limit
        sign = ">=" if self.higher_is_better else "<="
        shown = _ratio(self.values) if len(self.values) > 1 else f"{median:.2f}"
        return f"| {self.description} ({sign} {self.limit:g}) | {shown} | {'met' if met else 'MISSED'} |"


def targets_table(targets: Sequence[Target], extra_rows: Sequence[str]) -> list[str]:
    lines = ["## Targets (medians of round-by-round ratios, min-max in brackets)", "",
             "| target | measured | verdict |", "|---|---:|---|"]  # fmt: skip
    lines += [target.row() for target in targets]
    lines += list(extra_rows)
    return [*lines, ""]
