"""What the per-result record (``cacheai.info``) costs: the chat hot path before and after it, and reading it.

    python benchmarks/record.py                    # full run, about a minute
    python benchmarks/record.py --smoke            # seconds; proves it runs
    python benchmarks/record.py --baseline REV     # compare with another commit (default: the one before the record)

Side by side in one run, round by round against the benchmark server (``server.py``), each client in a worker
process of its own so that two versions of cacheai never share an interpreter:

- ``cacheai``: this tree; ``cacheai-before``: the package as it was at ``--baseline`` (extracted with
  ``git archive``), i.e. the same client without the record; ``openai``; raw ``requests`` + ``json``.
- Client CPU per chat request and per streamed chunk (1,000-chunk streams); ratios are per round.
- Reading the record: CPU of the first ``cacheai.info(r).cost`` on a fresh result (builds the record, normalises
  usage, looks up the price), of a second read, and of ``cacheai.info(r).rate_limit`` (parses the headers).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
REPO = HERE.parent.parent
DEFAULT_BASELINE = "d7f5072^"  # the commit before the seam and the record landed


def _extract_baseline(revision: str, into: Path) -> Path:
    done = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", revision, "python/src/cacheai"], capture_output=True
    )
    if done.returncode != 0:
        raise SystemExit(
            f"cannot extract the baseline {revision!r} with git archive ({done.stderr.decode().strip()}); "
            "a shallow clone lacks it: fetch the history (git fetch --unshallow) or pass --baseline REV"
        )
    archive = done.stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "python" / "src"


def _worker(name: str, port: int, chat: int, stream_chunks: int, streams: int, reads: int) -> dict[str, float]:
    """Runs in the worker process: one client, CPU seconds per unit for each measurement."""
    sys.path.insert(0, str(HERE))
    import clients

    client_name = "cacheai" if name.startswith("cacheai") else name
    bench_client = clients.make_client(client_name, "127.0.0.1", port)
    for _ in range(20):
        bench_client.chat()
    result: dict[str, float] = {}
    start = time.process_time()
    for _ in range(chat):
        bench_client.chat()
    result["chat"] = (time.process_time() - start) / chat
    bench_client.stream(stream_chunks)
    start = time.process_time()
    for _ in range(streams):
        bench_client.stream(stream_chunks)
    result["chunk"] = (time.process_time() - start) / (streams * stream_chunks)
    if name == "cacheai":
        result.update(_record_reads(bench_client, reads))
    bench_client.close()
    return result


def _record_reads(bench_client: object, reads: int) -> dict[str, float]:
    import payloads

    import cacheai

    sdk = bench_client.client  # type: ignore[attr-defined]

    def ask() -> object:
        return sdk.chat.completions.create(model=payloads.CHAT_MODEL, messages=payloads.CHAT_MESSAGES)

    # The price table and the header parser load on their first use, once per process: not per read.
    warm = ask()
    cacheai.info(warm).cost  # noqa: B018
    cacheai.info(warm).rate_limit  # noqa: B018
    fresh = [ask() for _ in range(reads)]
    costs = [cacheai.info(completion).cost for completion in fresh]  # read once: "again" below re-reads
    assert all(cost is not None and cost > 0 for cost in costs), "the benchmark model must have a price"
    # Each result is read once per measurement, so the first-read figure needs fresh results: results are
    # re-made per measurement and timed in batches of 50; the best batch is reported (as timeit does), because
    # a single read is short enough for a busy machine's interruptions to swamp the mean.
    first = _best_per_read(lambda completion: cacheai.info(completion).cost, [ask() for _ in range(reads)])
    again = _best_per_read(lambda completion: cacheai.info(completion).cost, fresh)
    rate_limit = _best_per_read(lambda completion: cacheai.info(completion).rate_limit, [ask() for _ in range(reads)])
    return {"cost_first_read": first, "cost_again": again, "rate_limit_read": rate_limit}


def _best_per_read(read: Callable[[Any], object], results: list[Any], batch: int = 50) -> float:
    best = float("inf")
    for start in range(0, len(results) - batch + 1, batch):
        chunk = results[start : start + batch]
        began = time.process_time()
        for result in chunk:
            read(result)
        best = min(best, (time.process_time() - began) / batch)
    return best


def _run_worker(name: str, src: Path | None, port: int, sizes: dict[str, int]) -> dict[str, float]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    command = [sys.executable, __file__, "--worker", name, "--port", str(port), "--sizes", json.dumps(sizes)]
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _fmt_us(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--baseline", default=DEFAULT_BASELINE)
    parser.add_argument("--worker")
    parser.add_argument("--port", type=int)
    parser.add_argument("--sizes")
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_worker(args.worker, args.port, **json.loads(args.sizes))))
        return 0

    sys.path.insert(0, str(HERE))
    from run import BenchServer, choose_cpus

    sizes = {"chat": 20, "stream_chunks": 100, "streams": 1, "reads": 50} if args.smoke else {
        "chat": 400, "stream_chunks": 1000, "streams": 5, "reads": 2000}  # fmt: skip
    rounds = args.rounds or (2 if args.smoke else 7)
    _, server_cpu = choose_cpus()
    server = BenchServer(server_cpu)
    with tempfile.TemporaryDirectory() as scratch:
        variants: dict[str, Path | None] = {
            "cacheai": SRC,
            "cacheai-before": _extract_baseline(args.baseline, Path(scratch)),
            "openai": SRC,
            "requests": SRC,
        }
        names = list(variants)
        per_round: list[dict[str, dict[str, float]]] = []
        try:
            for index in range(rounds):
                order = names[index % len(names) :] + names[: index % len(names)]
                per_round.append({name: _run_worker(name, variants[name], server.port, sizes) for name in order})
                print(f"  round {index + 1}/{rounds}", file=sys.stderr, flush=True)
        finally:
            server.close()

    def median(name: str, key: str) -> float:
        return statistics.median(result[name][key] for result in per_round)

    def ratio(name: str, other: str, key: str, over: str | None = None) -> str:
        values = [result[name][key] / result[other][over or key] for result in per_round]
        return f"{statistics.median(values):.3f}x ({min(values):.3f}-{max(values):.3f})"

    print(f"\n## The per-result record: hot path and reads ({rounds} rounds, baseline {args.baseline})\n")
    print("| figure | cacheai | cacheai before the record | openai | requests + json | cacheai ÷ before | ÷ openai |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for key, label in (("chat", "client CPU per chat request"), ("chunk", "client CPU per streamed chunk (1k)")):
        print(
            f"| {label} | {_fmt_us(median('cacheai', key))} | {_fmt_us(median('cacheai-before', key))} | "
            f"{_fmt_us(median('openai', key))} | {_fmt_us(median('requests', key))} | "
            f"{ratio('cacheai', 'cacheai-before', key)} | {ratio('cacheai', 'openai', key)} |"
        )
    print()
    print("| reading the record (cacheai) | CPU per read | ÷ one chat request's client CPU |")
    print("| --- | ---: | ---: |")
    for key, label in (
        ("cost_first_read", "first `cacheai.info(r).cost` on a fresh result"),
        ("cost_again", "`cacheai.info(r).cost` again"),
        ("rate_limit_read", "first `cacheai.info(r).rate_limit` on a fresh result (no rate-limit headers)"),
    ):
        print(f"| {label} | {_fmt_us(median('cacheai', key))} | {ratio('cacheai', 'cacheai', key, over='chat')} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
