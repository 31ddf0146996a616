"""The response cache's costs, side by side in one run, against the local benchmark server.

    python benchmarks/cache.py            # about two minutes (LiteLLM's calls are the slow part)
    python benchmarks/cache.py --smoke    # tiny sizes, a few seconds

Figures (client CPU and wall time per call, median over 25 short rounds in a rotating order, so that a burst of
load on a shared machine hits every case alike; ratios taken round by round): a miss with the cache off and on
(every call a new request), a hit from memory, SQLite and Redis (a local redis-server, if installed), one Redis
round trip (a ``GET`` of the stored entry through the store's own client) for the Redis bound, and per chunk, a
10k-chunk stream parsed live versus replayed from the cache.

Beside them, on the same requests to the same server and in the same rounds: ``litellm.completion`` without a
cache and with ``litellm.Cache`` local (in memory), disk and redis, each ratio taken to LiteLLM's own uncached
call. LiteLLM is optional (never a dependency of cacheai): without it the section says "not installed".
"""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import itertools
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from measure import Sample, Series, ratios, round_robin, timed
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


def import_litellm() -> Any:
    """``litellm``, quiet and offline, or ``None`` if it is not installed."""
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no fetch of the price list from GitHub
    os.environ.setdefault("LITELLM_TELEMETRY", "False")
    try:
        import litellm
    except ImportError:
        return None
    litellm.suppress_debug_info = True
    litellm.telemetry = False
    return litellm


def litellm_cases(
    litellm: Any, base_url: str, folder: str, redis_url: str | None, counter: itertools.count[int]
) -> tuple[dict[str, Callable[[], object]], list[str]]:
    """LiteLLM's calls: uncached misses, misses and hits with each ``litellm.Cache`` that runs here."""
    caches: dict[str, Any] = {}
    skipped: list[str] = []
    caches["local"] = litellm.Cache(type="local")
    try:
        caches["disk"] = litellm.Cache(type="disk", disk_cache_dir=str(Path(folder) / "litellm-disk"))
    except Exception as exc:  # the disk backend needs diskcache, and newer LiteLLM releases removed it
        skipped.append(f"disk ({type(exc).__name__}: {str(exc)[:80]})")
    if redis_url is not None:
        host, port = redis_url.removeprefix("redis://").split("/")[0].split(":")
        caches["redis"] = litellm.Cache(type="redis", host=host, port=int(port))
    else:
        skipped.append("redis (no redis-server)")

    def call(cache: Any, fresh: bool) -> Callable[[], object]:
        def run() -> object:
            litellm.cache = cache
            seed = next(counter) if fresh else 0
            return litellm.completion(
                model="openai/bench",
                api_base=base_url,
                api_key="bench",
                messages=CHAT_MESSAGES,
                seed=seed,
                caching=cache is not None,
            )

        return run

    cases = {"litellm miss, no cache": call(None, True), "litellm miss, cache on (local)": call(caches["local"], True)}
    for name, cache in caches.items():
        fill = call(cache, False)
        fill()
        if getattr(fill(), "_hidden_params", {}).get("cache_hit") is not True:
            skipped.append(f"{name} (its second call was not a hit)")
            continue
        cases[f"litellm hit, {name}"] = fill
    return cases, skipped


def print_table(
    results: dict[str, Series], baseline: str, names: list[str], reference: str | None = None
) -> dict[str, float]:
    """One row per case: CPU and wall per call and the round-by-round CPU ratio to ``baseline``."""
    base = results[baseline].cpu()
    medians: dict[str, float] = {}
    for name in names:
        series = results[name]
        ratio = statistics.median(ratios(series.cpu(), base))
        cpu, wall = statistics.median(series.cpu()) * 1e6, statistics.median(series.wall()) * 1e6
        medians[name] = cpu
        extra = ""
        if reference is not None:
            extra = f" {statistics.median(ratios(series.cpu(), results[reference].cpu())):12.2f}"
        print(f"{name:34} {cpu:10.1f} {wall:10.1f} {ratio:12.2f}{extra}")
    return medians


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--rounds", type=int, default=25)
    parser.add_argument("--no-litellm", action="store_true", help="leave LiteLLM out even if it is installed")
    args = parser.parse_args()
    calls, chunks, rounds = (20, 200, 2) if args.smoke else (120, 10_000, args.rounds)
    litellm = None if args.no_litellm else import_litellm()
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
        redis_store = RedisCache(redis_url) if redis_url is not None else None
        if redis_store is not None:
            stores["redis"] = client(redis_store)

        def chat(c: cacheai.CacheAI, fresh: bool) -> Callable[[], object]:
            def call() -> object:
                seed = next(counter) if fresh else 0
                return c.chat.completions.create(model="bench", messages=CHAT_MESSAGES, seed=seed)  # type: ignore[arg-type]

            return call

        for c in stores.values():
            chat(c, False)()  # fill
            assert cacheai.info(chat(c, False)()).cached
        cases: dict[str, Callable[[], object]] = {
            "miss, cache off": chat(off, True),
            "miss, cache on (memory)": chat(on, True),
            **{f"hit, {name}": chat(c, False) for name, c in stores.items()},
        }
        if redis_store is not None:
            key = cacheai.info(chat(stores["redis"], False)()).cache_key
            name = redis_store.prefix + str(key)
            assert redis_store.client.get(name) is not None
            cases["one Redis round trip (GET)"] = lambda: redis_store.client.get(name)  # the stored entry itself
        ours = list(cases)
        theirs: list[str] = []
        skipped: list[str] = []
        if litellm is not None:
            extra, skipped = litellm_cases(litellm, base_url, folder, redis_url, counter)
            cases.update(extra)
            theirs = list(extra)
        litellm_calls = max(2, calls // 6)  # one LiteLLM call costs ~15 of ours

        def run_one(name: str) -> Sample:
            return timed(cases[name], litellm_calls if name in theirs else calls, 1)

        gc.collect()
        gc.freeze()  # the setup's objects (LiteLLM's modules among them) are not rescanned by every collection
        results = round_robin(list(cases), run_one, rounds)
        print(f"{'case':34} {'CPU µs':>10} {'wall µs':>10} {'÷ miss (off)':>12}")
        medians = print_table(results, "miss, cache off", ours)
        miss_wall = statistics.median(results["miss, cache off"].wall()) * 1e6
        if redis_store is not None:
            rtt = results["one Redis round trip (GET)"]
            hit = results["hit, redis"]
            bound_cpu = medians["miss, cache off"] + statistics.median(rtt.cpu()) * 1e6
            bound_wall = miss_wall + statistics.median(rtt.wall()) * 1e6
            print(
                f"redis hit <= miss + one round trip: CPU {medians['hit, redis']:.1f} <= {bound_cpu:.1f} µs, "
                f"wall {statistics.median(hit.wall()) * 1e6:.1f} <= {bound_wall:.1f} µs"
            )
        else:
            print("hit, redis: not measured (no redis-server)")

        if litellm is None:
            print("\nlitellm.Cache: not installed (pip install litellm to compare)")
        else:
            version = importlib.metadata.version("litellm")
            print(f"\n{'LiteLLM ' + version:34} {'CPU µs':>10} {'wall µs':>10} {'÷ own miss':>12} {'÷ our miss':>12}")
            print_table(results, "litellm miss, no cache", theirs, reference="miss, cache off")
            for note in skipped:
                print(f"litellm.Cache {note}: not measured")

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
        print(f"\n{chunks}-chunk stream {'CPU µs/chunk':>19} {'wall µs':>10} {'÷ live':>12}")
        live = sresults["stream, parsed live"].cpu()
        for name, series in sresults.items():
            ratio = statistics.median(ratios(series.cpu(), live))
            cpu, wall = statistics.median(series.cpu()) * 1e6, statistics.median(series.wall()) * 1e6
            print(f"{name:34} {cpu:10.2f} {wall:10.2f} {ratio:12.2f}")
    finally:
        server.close()
        if redis_process is not None:
            redis_process.terminate()
            redis_process.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
