"""What the key pool and the circuit breaker cost per call, side by side with a plain client.

    python benchmarks/bench_keys.py [--calls 400] [--rounds 5]

Each round sends ``--calls`` chat completions through each client configuration to the in-process fake
server (one key; three keys round-robin; three keys plus the breaker), interleaved so machine noise hits all
alike; the table shows the median per-call time and the ratio to the plain client. A second table times the
layers' own hooks on one exchange (no network), in microseconds per attempt.
"""

from __future__ import annotations

import argparse
import statistics
import time

from cacheai import CacheAI, CircuitBreakerConfig, KeyPool
from cacheai._breaker import CircuitBreaker
from cacheai._exchange import Exchange
from cacheai._types import RequestOptions
from cacheai.testing import FakeOpenAIServer

KEYS = ["sk-bench-aaaaaaaaaaaaaaaaaaaa0001", "sk-bench-bbbbbbbbbbbbbbbbbbbb0002", "sk-bench-cccccccccccccccccccc0003"]
MESSAGES = [{"role": "user", "content": "hello"}]


def _per_call(client: CacheAI, calls: int) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)  # type: ignore[arg-type]
    return (time.perf_counter() - started) / calls


def _hooks(layers: tuple[object, ...], client: CacheAI, n: int) -> float:
    http = client._http
    options = RequestOptions(method="POST", path="chat/completions", json_data={"model": "gpt-4o-mini"})
    request = http.build_request(options)
    started = time.perf_counter()
    for _ in range(n):
        exchange = Exchange(options, request, options.json_data, stream=False, layers=(), owner=http)
        for layer in layers:
            layer.before_attempt(exchange)  # type: ignore[attr-defined]
        for layer in layers:
            layer.after_attempt(exchange, _OK, None)  # type: ignore[attr-defined]
    return (time.perf_counter() - started) / n


class _Ok:
    status_code = 200
    headers: dict[str, str] = {}


_OK = _Ok()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with FakeOpenAIServer(api_keys=KEYS) as server:
        configs = {
            "one key": CacheAI(base_url=server.base_url, api_key=KEYS[0]),
            "3 keys (round robin)": CacheAI(base_url=server.base_url, api_key=KEYS),
            "3 keys + circuit breaker": CacheAI(
                base_url=server.base_url, api_key=KEYS, circuit_breaker=CircuitBreakerConfig()
            ),
        }
        for client in configs.values():
            _per_call(client, 50)  # warm up connections
        times: dict[str, list[float]] = {name: [] for name in configs}
        for _ in range(args.rounds):
            for name, client in configs.items():
                times[name].append(_per_call(client, args.calls))
    base = statistics.median(times["one key"])
    print(f"| client ({args.rounds} rounds x {args.calls} calls) | median per call | ratio |")
    print("| --- | --- | --- |")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| {name} | {median * 1e6:.0f} µs | {median / base:.3f} |")
    client = configs["one key"]
    pool, breaker = KeyPool(KEYS), CircuitBreaker()
    n = 100_000
    print("\n| hooks per attempt | µs |\n| --- | --- |")
    print(f"| key pool | {_hooks((pool,), client, n) * 1e6:.2f} |")
    print(f"| circuit breaker | {_hooks((breaker,), client, n) * 1e6:.2f} |")
    print(f"| none (Exchange only) | {_hooks((), client, n) * 1e6:.2f} |")


if __name__ == "__main__":
    main()
