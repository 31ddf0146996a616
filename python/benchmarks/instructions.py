"""Instructions executed per unit of work, counted by valgrind's callgrind: a figure that a busy or shared
machine does not change (CPU time there varies by 2x between runs), for the comparisons whose timed difference
is smaller than that noise.

    python benchmarks/instructions.py [ratelimit] [stream]

- ``ratelimit``: one ``chat.completions.create`` against a canned adapter (no network) with the limiter
  (``RateLimitConfig`` far from full, as in ``ratelimit.py --overhead-only``), without it, and with a layer that
  does nothing (the layers' own machinery); per call.
- ``stream``: ``chat.completions.stream()`` (events + accumulation) against plain ``create(stream=True)``, a
  2,000-chunk stream from the benchmark server, as in ``stream_helper.py``; per chunk. Also ``floor``: plain
  streaming plus only the two events and the snapshot text openai's helper gives per chunk
  (``stream_helper.floor``), the least any implementation of the helper can cost.

Each variant runs twice under callgrind, with 0 and with N repetitions after the same warm-up; the difference
divided by the work is the figure (start-up and warm-up cancel out). Needs ``valgrind`` (Debian package).
Instruction counts are not time (cache misses, locks and system calls cost more than their count), so
``ratelimit.py`` and ``stream_helper.py`` remain the timed figures.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

CALLS = 2000
STREAMS = 3
CHUNKS = 2000


def _chat_call(variant: str) -> Any:
    from ratelimit import CHAT_SUITE_MESSAGES, CHAT_SUITE_MODEL, UNCONTENDED, canned_client, no_op_layer_client

    if variant == "no-op layer":
        client = no_op_layer_client()
    else:
        client = canned_client(UNCONTENDED if variant == "limiter" else None)
    messages: Any = CHAT_SUITE_MESSAGES
    return lambda: client.chat.completions.create(model=CHAT_SUITE_MODEL, messages=messages)


def _stream(variant: str, port: int) -> Any:
    from stream_helper import floor, helper, plain

    import cacheai

    client = cacheai.CacheAI(api_key="sk-bench", base_url=f"http://127.0.0.1:{port}/v1")
    kind = {"helper": helper, "plain": plain, "floor": floor}[variant]
    return lambda: kind(client, CHUNKS)


def worker(suite: str, variant: str, repetitions: int, port: int) -> None:
    work = _chat_call(variant) if suite == "ratelimit" else _stream(variant, port)
    for _ in range(3 if suite == "stream" else 200):
        work()
    for _ in range(repetitions):
        work()


def count(suite: str, variant: str, repetitions: int, port: int) -> int:
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        sys.executable, __file__, "--worker", suite, variant, str(repetitions), str(port),
    ]  # fmt: skip
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind gave no count: {done.stderr[-500:]}")
    return int(found[1])


def per_unit(suite: str, variant: str, repetitions: int, units: int, port: int = 0) -> float:
    return (count(suite, variant, repetitions, port) - count(suite, variant, 0, port)) / units


def main() -> None:
    suites = sys.argv[1:] or ["ratelimit", "stream"]
    if suites[0] == "--worker":
        suite, variant, repetitions, port = suites[1:]
        worker(suite, variant, int(repetitions), int(port))
        return
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)")
        return
    if "ratelimit" in suites:
        figures = {v: per_unit("ratelimit", v, CALLS, CALLS) for v in ("none", "no-op layer", "limiter")}
        print(f"chat.completions.create, instructions per call ({CALLS} calls, canned adapter):")
        for variant, value in figures.items():
            print(f"  {variant:12} {value:9,.0f}")
        print(f"  the limiter adds {figures['limiter'] - figures['none']:,.0f} "
              f"({figures['limiter'] - figures['no-op layer']:,.0f} beyond a layer that does nothing)")
    if "stream" in suites:
        from run import BenchServer

        server = BenchServer(None)
        try:
            units = STREAMS * CHUNKS
            figures = {v: per_unit("stream", v, STREAMS, units, server.port) for v in ("plain", "helper", "floor")}
        finally:
            server.close()
        print(f"streaming, instructions per chunk ({STREAMS} streams of {CHUNKS} chunks):")
        for variant, value in figures.items():
            print(f"  {variant:12} {value:9,.0f}")
        print(f"  stream() / create(stream=True) = {figures['helper'] / figures['plain']:.2f}x")
        print(f"  floor / create(stream=True) = {figures['floor'] / figures['plain']:.2f}x (openai's two events and "
              "the snapshot text per chunk, nothing else: stream_helper.floor)")


if __name__ == "__main__":
    main()
