"""The response cache's costs, side by side in one run, against the local benchmark server.

    python benchmarks/cache.py            # about a minute
    python benchmarks/cache.py --smoke    # tiny sizes, a few seconds

Figures (client CPU per call, median over rounds, rotating order; ratios taken round by round): a miss
with the cache off and on (every call a new request), a hit from memory, SQLite and Redis (a local
redis-server, if installed), and per chunk, a 10k-chunk stream parsed live versus replayed from the cache.
LiteLLM's ``litellm.Cache`` is not run here: its import alone takes seconds and it wraps
``litellm.completion``, not a client, so the figures would not compare like with like.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from measure import ratios, round_robin, timed
from payloads import CHAT_MESSAGES, stream_model
from run import BenchServer, choose_cpus

import cacheai
from cacheai.cache import MemoryCache, RedisCache, SQLiteCache


def start_redis(folder: str) -> tuple[subprocess.Popen[bytes] | None, str | None]:
    executable = shutil.which("redis-server")
    if executable is None:
        return None, None
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", folder],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return process, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.05)
    process.kill()
    return None, None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    calls, chunks, rounds = (20, 200, 2) if args.smoke else (400, 10_000, args.rounds)
    server = BenchServer(choose_cpus()[1])
    folder = tempfile.mkdtemp()
    redis_process, redis_url = start_redis(folder)
    try:
        base_url = f"http://127.0.0.1:{server.port}/v1"
        counter = itertools.count()

        def client(store: object) -> cacheai.CacheAI:
            return cacheai.CacheAI(base_url=base_url, api_key="bench", cache=store)

        off, on = client(False), client(MemoryCache())
        stores: dict[str, cacheai.CacheAI] = {"memory": client(MemoryCache())}
        stores["sqlite"] = client(SQLiteCache(Path(folder) / "bench.db"))
        if redis_url is not None:
            stores["redis"] = client(RedisCache(redis_url))

        def chat(c: cacheai.CacheAI, fresh: bool) -> Callable[[], object]:
            def call() -> object:
                seed = next(counter) if fresh else 0
                return c.chat.completions.create(model="bench", messages=CHAT_MESSAGES, seed=seed)  # type: ignore[arg-type]

            return call

        for c in stores.values():
            chat(c, False)()  # fill
        cases: dict[str, Callable[[], object]] = {
            "miss, cache off": chat(off, True),
            "miss, cache on (memory)": chat(on, True),
            **{f"hit, {name}": chat(c, False) for name, c in stores.items()},
        }
        results = round_robin(list(cases), lambda name: timed(cases[name], calls, 1), rounds)
        miss = results["miss, cache off"].cpu()
        print(f"{'case':28} {'CPU µs/call':>12} {'÷ miss (off)':>13}")
        for name, series in results.items():
            ratio = statistics.median(ratios(series.cpu(), miss))
            print(f"{name:28} {statistics.median(series.cpu()) * 1e6:12.1f} {ratio:13.2f}")

        memory = stores["memory"]
        model = stream_model(chunks)

        def stream(c: cacheai.CacheAI) -> Callable[[], object]:
            def call() -> object:
                s = c.chat.completions.create(model=model, messages=CHAT_MESSAGES, stream=True)  # type: ignore[call-overload]
                return sum(1 for _ in s)

            return call

        stream(memory)()  # recorded and stored
        stream_cases = {"stream, parsed live": stream(off), "stream, replayed from cache": stream(memory)}
        sresults = round_robin(list(stream_cases), lambda name: timed(stream_cases[name], 1, chunks), rounds)
        live = sresults["stream, parsed live"].cpu()
        print(f"\n{chunks}-chunk stream {'CPU µs/chunk':>14} {'÷ live':>8}")
        for name, series in sresults.items():
            ratio = statistics.median(ratios(series.cpu(), live))
            print(f"{name:28} {statistics.median(series.cpu()) * 1e6:12.2f} {ratio:8.2f}")
        print("\nlitellm.Cache: not measured here (see the module docstring)")
    finally:
        server.close()
        if redis_process is not None:
            redis_process.terminate()
            redis_process.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
