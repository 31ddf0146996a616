"""What the CacheAI service layer costs per call against the in-process fakes, side by side with a plain client.

    python benchmarks/bench_service.py [--calls 200] [--rounds 3]

Per round and configuration, ``--calls`` chat completions: the plain client (baseline only); a miss through the
service (lookup, baseline, store: three requests); a hit (one lookup). Interleaved rounds, median per-call time,
ratio to the plain client. Both servers are the fakes on 127.0.0.1, so the figures are the client's and the local
round trips' cost, not a real service's latency.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time

from cacheai import CacheAI, CacheAIService
from cacheai.testing import FakeCacheAIService, FakeOpenAIServer

_fresh = itertools.count()


def _per_call(client: CacheAI, calls: int, *, fresh: bool) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        text = f"question {next(_fresh)}" if fresh else "the same question"
        client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
    return (time.perf_counter() - started) / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with FakeCacheAIService() as service, FakeOpenAIServer() as baseline:
        plain = CacheAI(api_key="k", base_url=baseline.base_url)
        cached = CacheAI(api_key="k", base_url=baseline.base_url, cache=CacheAIService("ca-test", service.base_url))
        runs: dict[str, list[float]] = {"plain client (baseline only)": [], "service miss": [], "service hit": []}
        _per_call(cached, 1, fresh=False)  # stores the hit's answer; warms both connections
        _per_call(plain, 5, fresh=True)
        for _ in range(args.rounds):
            runs["plain client (baseline only)"].append(_per_call(plain, args.calls, fresh=True))
            runs["service miss"].append(_per_call(cached, args.calls, fresh=True))
            runs["service hit"].append(_per_call(cached, args.calls, fresh=False))
    base = statistics.median(runs["plain client (baseline only)"])
    print("| configuration | ms per call | ratio |\n|---|---:|---:|")
    for name, values in runs.items():
        median = statistics.median(values)
        print(f"| {name} | {median * 1000:.2f} | {median / base:.2f} |")


if __name__ == "__main__":
    main()
