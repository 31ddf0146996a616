"""Run the cacheai benchmark suite and write the results as Markdown.

    python benchmarks/run.py                  # full run (a few minutes), writes benchmarks/RESULTS.md
    python benchmarks/run.py --smoke          # a seconds-long run of every figure; writes nothing...
    python benchmarks/run.py --smoke --output /tmp/r.md   # ...unless asked to

Clients compared side by side, alternating round by round: cacheai.CacheAI, openai.OpenAI, a raw
requests.Session + json, and raw http.client. See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import clients
import figures
import report
from figures import Bench, FigureResult, ServerProbe
from measure import ratios

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Sizes:
    """How much work each figure does; the smoke sizes only prove that everything runs and checks out."""

    rounds: int
    chat: int
    stream_short: int  # streams of 1k chunks per round
    stream_long: int  # streams of 10k chunks per round
    first_chunk: int
    models: int
    embeddings: int
    thread_requests: int  # per thread
    startup_rounds: int
    memory_stream_chunks: int
    memory_requests: int
    short_chunks: int = 1_000
    long_chunks: int = 10_000
    embedding_rows: int = 100


FULL = Sizes(
    rounds=7, chat=300, stream_short=6, stream_long=1, first_chunk=40, models=200, embeddings=6,
    thread_requests=60, startup_rounds=7, memory_stream_chunks=100_000, memory_requests=10_000,
)  # fmt: skip
SMOKE = Sizes(
    rounds=2, chat=5, stream_short=1, stream_long=1, first_chunk=2, models=3, embeddings=1,
    thread_requests=2, startup_rounds=1, memory_stream_chunks=2_000, memory_requests=100,
    short_chunks=50, long_chunks=200, embedding_rows=10,
)  # fmt: skip
THREADS = 8


def choose_cpus() -> tuple[int | None, int | None]:
    """(client CPU, server CPU): two different CPUs when this process may use two, else no pinning."""
    if not hasattr(os, "sched_getaffinity"):
        return None, None
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return None, None
    return cpus[0], cpus[1]


class BenchServer:
    """The benchmark server in its own process; stopped when this object is closed (or we exit)."""

    def __init__(self, cpu: int | None) -> None:
        command = [sys.executable, str(HERE / "server.py")]
        if cpu is not None:
            command += ["--cpu", str(cpu)]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self.process.stdout is not None
        line = self.process.stdout.readline().decode()
        if not line.startswith("PORT "):
            self.close()
            raise RuntimeError(f"the benchmark server did not start (said {line!r})")
        self.port = int(line.split()[1])

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()  # the server exits when its stdin closes
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_figures(bench: Bench, sizes: Sizes) -> list[FigureResult]:
    steps: list[tuple[str, Callable[[], FigureResult]]] = [
        ("chat", lambda: figures.chat(bench, sizes.chat)),
        ("stream 1k", lambda: figures.stream(bench, sizes.short_chunks, sizes.stream_short)),
        ("stream 10k", lambda: figures.stream(bench, sizes.long_chunks, sizes.stream_long)),
        ("first chunk", lambda: figures.first_chunk(bench, 10, sizes.first_chunk)),
        ("models", lambda: figures.models(bench, sizes.models)),
        ("embeddings default", lambda: figures.embeddings(bench, "default", sizes.embeddings, sizes.embedding_rows)),
        ("embeddings float", lambda: figures.embeddings(bench, "float", sizes.embeddings, sizes.embedding_rows)),
        ("embeddings base64", lambda: figures.embeddings(bench, "base64", sizes.embeddings, sizes.embedding_rows)),
        ("threads", lambda: figures.threads(bench, THREADS, sizes.thread_requests)),
    ]
    results = []
    for label, step in steps:
        started = time.perf_counter()
        results.append(step())
        log(f"  {label}: {time.perf_counter() - started:.1f} s")
    return results


def _cpu_ratio(by_key: dict[str, FigureResult], key: str, reference: str) -> list[float]:
    figure = by_key.get(key)
    if figure is None or "cacheai" not in figure.series or reference not in figure.series:
        return []
    return ratios(figure.series["cacheai"].cpu(), figure.series[reference].cpu())


def build_targets(
    by_key: dict[str, FigureResult],
    startup: dict[str, list[dict[str, float]]],
    memory: dict[str, dict[str, object]],
    sizes: Sizes,
) -> tuple[list[report.Target], list[str]]:
    Target = report.Target
    targets = [
        Target("Chat CPU, cacheai ÷ openai", _cpu_ratio(by_key, "chat", "openai"), 0.5),
        Target("Chat CPU, cacheai ÷ requests", _cpu_ratio(by_key, "chat", "requests"), 0.8),
        Target(f"Stream CPU per chunk ({sizes.short_chunks:,}), cacheai ÷ requests",
               _cpu_ratio(by_key, f"stream_{sizes.short_chunks}", "requests"), 1.0),
        Target(f"Stream CPU per chunk ({sizes.long_chunks:,}), cacheai ÷ requests",
               _cpu_ratio(by_key, f"stream_{sizes.long_chunks}", "requests"), 1.0),
        Target("Embeddings CPU (default path), cacheai ÷ openai",
               _cpu_ratio(by_key, "embeddings_default", "openai"), 0.5),
    ]  # fmt: skip
    threads = by_key.get("threads")
    extra: list[str] = []
    if threads is not None and "cacheai" in threads.series and "requests" in threads.series:
        mine, theirs = threads.series["cacheai"], threads.series["requests"]
        targets.append(Target(f"{THREADS} threads requests/s, cacheai ÷ requests", ratios(theirs.wall(), mine.wall()),
                              1.0, higher_is_better=True))  # fmt: skip
        clean = mine.notes["errors"] == 0 and mine.notes["warnings"] == 0
        extra.append(f"| {THREADS} threads: errors and pool warnings (= 0) | {mine.notes['errors']:.0f} errors, "
                     f"{mine.notes['warnings']:.0f} warnings | {'met' if clean else 'MISSED'} |")  # fmt: skip
    if "cacheai" in startup:
        mine_imports = [run["import_wall"] for run in startup["cacheai"]]
        for reference, limit in (("openai", 0.45), ("requests + pydantic", 1.25)):
            if reference in startup:
                theirs_imports = [run["import_wall"] for run in startup[reference]]
                targets.append(
                    Target(
                        f"import cacheai (`from cacheai import CacheAI`) ÷ {reference}",
                        ratios(mine_imports, theirs_imports),
                        limit,
                    )
                )
        constructions = [run["construct_wall"] * 1e3 for run in startup["cacheai"]]
        targets.append(
            Target("Constructing a client (first, fresh process), ms", [statistics.median(constructions)], 1.0)
        )
    if "cacheai" in memory:
        verdict = report.MemoryVerdict.of(memory["cacheai"])
        extra.append(f"| Memory flat over a {sizes.memory_stream_chunks:,}-chunk stream and {sizes.memory_requests:,} "
                     f"requests | +{verdict.stream_growth / 2**20:.2f} MiB stream peak, "
                     f"+{verdict.request_growth / 2**20:.2f} MiB and {verdict.objects_growth} objects over requests | "
                     f"{'met' if verdict.flat() else 'MISSED'} |")  # fmt: skip
    return targets, extra


def server_section(by_key: dict[str, FigureResult]) -> list[str]:
    chat = by_key["chat"]
    rates = {name: 1 / statistics.median(series.wall()) for name, series in chat.series.items()}
    server_cpu = max(series.notes["server_cpu"] for series in chat.series.values())
    lines = ["## Is the server the bottleneck?", ""]
    if "http.client" in rates:
        others = ", ".join(
            f"{rates['http.client'] / rate:.1f}x {name}" for name, rate in rates.items() if name != "http.client"
        )
        lines.append(
            f"Raw `http.client` made {rates['http.client']:,.0f} chat requests/s one at a time ({others}), so the "
            f"server answers far faster than the clients under test ask. The server spent at most "
            f"{server_cpu * 1e6:.0f} us of CPU per chat request (on its own CPU)."
        )
    return [*lines, ""]


def render(
    sizes: Sizes,
    command: str,
    pinned: str,
    results: list[FigureResult],
    startup: dict[str, list[dict[str, float]]],
    memory: dict[str, dict[str, object]],
    elapsed: float,
) -> str:
    by_key = {figure.key: figure for figure in results}
    targets, extra = build_targets(by_key, startup, memory, sizes)
    lines = [
        "# cacheai benchmark results",
        "",
        f"- Command: `{command}` (took {elapsed / 60:.1f} min)",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        *report.machine_lines(),
        report.version_line(
            ["cacheai", "openai", "httpx", "requests", "urllib3", "pydantic", "pydantic-core", "numpy"]
        ),
        f"- CPU pinning: {pinned}",
        f"- Rounds: {sizes.rounds}; every figure alternates the clients round by round (rotating the order); values "
        "are medians with (min-max) over rounds; ratios are computed within each round, then summarised.",
        "- CPU = `time.process_time()` of the client process (the server runs in another process); wall = "
        "`time.perf_counter()`.",
        "",
        *report.targets_table(targets, extra),
        *server_section(by_key),
        "## Figures",
        "",
    ]
    for figure in results:
        lines += report.threads_table(figure) if figure.key == "threads" else report.figure_table(figure)
    if startup:
        lines += report.startup_table(startup)
    if memory:
        lines += report.memory_table(memory, sizes.memory_stream_chunks, sizes.memory_requests)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes: checks every figure runs, in seconds")
    parser.add_argument("--output", type=Path, help="where to write the Markdown (full run: benchmarks/RESULTS.md)")
    parser.add_argument("--clients", default=",".join(clients.CLIENT_NAMES), help="comma-separated subset")
    parser.add_argument("--rounds", type=int, help="override the number of rounds")
    parser.add_argument("--no-pin", action="store_true", help="do not pin client and server to separate CPUs")
    args = parser.parse_args(argv)

    sizes = SMOKE if args.smoke else FULL
    if args.rounds:
        sizes = dataclasses.replace(sizes, rounds=args.rounds)
    output = args.output if args.output or args.smoke else HERE / "RESULTS.md"
    names = [name.strip() for name in args.clients.split(",") if name.strip()]
    unknown = set(names) - set(clients.CLIENT_NAMES)
    if unknown:
        parser.error(f"unknown clients {sorted(unknown)}; choose from {clients.CLIENT_NAMES}")
    if "cacheai" in names and (problem := clients.cacheai_available()) is not None:
        parser.error(f"cacheai cannot be benchmarked ({problem}); install it or pass --clients without it")

    client_cpu, server_cpu = (None, None) if args.no_pin else choose_cpus()
    if client_cpu is not None:
        os.sched_setaffinity(0, {client_cpu})
        pinned = f"client (and its fresh processes) on CPU {client_cpu}, server on CPU {server_cpu}"
    else:
        pinned = "none (fewer than two CPUs available, or --no-pin)"
    command = "python " + " ".join(shlex.quote(part) for part in ["benchmarks/run.py", *sys.argv[1:]])

    started = time.perf_counter()
    server = BenchServer(server_cpu)
    bench_clients: dict[str, clients.BenchClient] = {}
    try:
        log(f"benchmark server on 127.0.0.1:{server.port}; {pinned}")
        bench_clients = {name: clients.make_client(name, "127.0.0.1", server.port) for name in names}
        bench = Bench(bench_clients, ServerProbe(server.port), sizes.rounds)
        results = run_figures(bench, sizes)
        bench.probe.close()
        log("  startup (fresh processes)...")
        variants = [variant for variant in ("cacheai", "openai", "requests + pydantic", "http.client")
                    if variant.split(" ")[0] in names]  # fmt: skip
        startup = figures.startup(variants, server.port, sizes.startup_rounds)
        log("  memory (fresh processes)...")
        memory = figures.memory(names, server.port, sizes.memory_stream_chunks, sizes.memory_requests)
    finally:
        for client in bench_clients.values():
            client.close()
        server.close()

    text = render(sizes, command, pinned, results, startup, memory, time.perf_counter() - started)
    if output is not None:
        output.write_text(text + "\n")
        log(f"wrote {output}")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
