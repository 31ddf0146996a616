"""Profile a client's hot paths against the benchmark server (a tool for optimising, not a benchmark).

    python benchmarks/profile_hot_paths.py                 # cacheai: chat, stream, embeddings, models, import
    python benchmarks/profile_hot_paths.py --client openai --top 15

For each path it prints the functions with the most own time (cProfile ``tottime``), as microseconds per
operation (per request, per chunk...), so the numbers read directly as "what this function costs per call".
Times are CPU time (``time.process_time``), client and server pinned apart as in ``run.py``. Profiling
inflates every function call, so read the shares, not the absolute totals. ``import`` shows the
slowest modules of ``python -X importtime -c "import <client>"`` and what the first request still imports.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import clients
from run import BenchServer, choose_cpus

HERE = Path(__file__).resolve().parent


def profile(label: str, operation: Callable[[], object], repeat: int, units: int, unit: str, top: int) -> None:
    operation()  # warm: lazy imports and first-use caches are not the hot path
    profiler = cProfile.Profile(time.process_time)  # CPU time, as the benchmark reports; not time blocked
    start = time.process_time()
    profiler.enable()
    for _ in range(repeat):
        operation()
    profiler.disable()
    elapsed = time.process_time() - start
    total_units = repeat * units
    stats = pstats.Stats(profiler)
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)  # type: ignore[attr-defined]
    print(f"\n## {label}: {elapsed / total_units * 1e6:.1f} us CPU per {unit} under the profiler")
    by_package: dict[str, float] = {}
    for (filename, _line, name), (_calls, _ncalls, tottime, _cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        package = _package_of(filename, name)
        by_package[package] = by_package.get(package, 0.0) + tottime
    shares = sorted(by_package.items(), key=lambda item: item[1], reverse=True)
    print(
        "own time by package: " + ", ".join(f"{package} {own / total_units * 1e6:.1f}" for package, own in shares[:8])
    )
    print(f"{'own us/' + unit:>12} {'cum us/' + unit:>12} {'calls/' + unit:>10}  function")
    for (filename, line, name), (_calls, ncalls, tottime, cumtime, _callers) in rows[:top]:
        where = f"{Path(filename).parent.name}/{Path(filename).name}:{line}" if line else filename
        print(
            f"{tottime / total_units * 1e6:12.2f} {cumtime / total_units * 1e6:12.2f} "
            f"{ncalls / total_units:10.2f}  {name} ({where})"
        )


def _package_of(filename: str, name: str) -> str:
    """A readable owner for a profiled function: its top-level package, or the kind of builtin."""
    if filename == "~":
        if "socket" in name:
            return "socket I/O"
        if "pydantic_core" in name:
            return "pydantic-core"
        return "builtins"
    path = Path(filename)
    parts = path.parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].removesuffix(".py")
    if "cacheai" in parts:
        return "cacheai"
    if "benchmarks" in parts:
        return "benchmark code"
    return "stdlib " + path.stem


def import_profile(client: str, port: int, top: int) -> None:
    statement = {"cacheai": "from cacheai import CacheAI", "openai": "from openai import OpenAI"}.get(
        client, f"import {client}"
    )
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement], capture_output=True, text=True, check=True
    )
    rows = []  # (self us, cumulative us, nesting depth, module)
    for line in completed.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own_text, cumulative_text, name = line[len("import time:") :].split("|")
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        rows.append((int(own_text), int(cumulative_text), depth, name.strip()))
    print(f"\n## {statement}: {sum(row[0] for row in rows) / 1e3:.0f} ms (-X importtime, all modules)")
    print("largest subtrees (depth <= 2), cumulative ms:")
    for self_us, cumulative_us, depth, name in sorted(
        (row for row in rows if row[2] <= 2), key=lambda row: row[1], reverse=True
    )[:top]:
        print(f"  {cumulative_us / 1e3:8.1f}  {'  ' * depth}{name}  (self {self_us / 1e3:.1f})")
    print("largest own times, ms:")
    for self_us, _cumulative_us, _depth, name in sorted(rows, reverse=True)[:top]:
        print(f"  {self_us / 1e3:8.1f}  {name}")
    script = (
        "import sys, time\n"
        f"{statement}\n"
        "before = set(sys.modules)\n"
        "sys.path.insert(0, %r)\n"
        "import clients\n"
        "c = clients.make_client(%r, '127.0.0.1', %d)\n"
        "t = time.perf_counter(); c.chat(); elapsed = time.perf_counter() - t\n"
        "new = sorted(m for m in set(sys.modules) - before if m.split('.')[0] not in ('clients', 'payloads'))\n"
        "print(f'{elapsed * 1e3:.1f} ms', len(new), ' '.join(n for n in new if n.count('.') < 2))\n"
    ) % (str(HERE), client, port)
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    elapsed, count, *modules = output.split()[0:1] + output.split()[2:3] + output.split()[3:]
    print(f"first request after import: {elapsed} ms, importing {count} more modules: {' '.join(modules[:60])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--client", default="cacheai", choices=clients.CLIENT_NAMES)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--only", help="comma-separated subset of: chat,stream,embeddings,models,import")
    args = parser.parse_args()
    wanted = set((args.only or "chat,stream,embeddings,models,import").split(","))
    client_cpu, server_cpu = choose_cpus()
    if client_cpu is not None:
        os.sched_setaffinity(0, {client_cpu})
    server = BenchServer(server_cpu)
    try:
        client = clients.make_client(args.client, "127.0.0.1", server.port)
        if "chat" in wanted:
            profile("chat request", client.chat, 500, 1, "request", args.top)
        if "stream" in wanted:
            profile("streamed chunk", lambda: client.stream(10_000), 2, 10_000, "chunk", args.top)
        if "embeddings" in wanted:
            profile("embeddings 100x1536 (default)", lambda: client.embeddings("default", 100), 10, 1, "call", args.top)
        if "models" in wanted:
            profile("models.list", client.models, 300, 1, "call", args.top)
        client.close()
        if "import" in wanted and args.client in ("cacheai", "openai", "requests"):
            import_profile(args.client, server.port, args.top)
    finally:
        server.close()


if __name__ == "__main__":
    main()
