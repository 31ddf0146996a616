"""The response cache: an evaluation run twice (the second run is all hits, cost 0), and a loop that dies
half-way and resumes without buying its first half again.

CACHEAI_BASE_URL=http://127.0.0.1:8765/v1 python examples/cache_eval.py
"""

import os
import subprocess
import sys
import tempfile

import cacheai
from cacheai import CacheAI

MODEL = os.environ.get("CACHEAI_MODEL", "gpt-4o-mini")
QUESTIONS = [f"What is {n} + {n}?" for n in range(1, 7)]
PRICES = {MODEL: {"input": 0.15, "output": 0.60}}


def evaluate(client: CacheAI) -> tuple[int, float]:
    """Ask every question; the number of answers that came from the cache, and the total cost."""
    hits, cost = 0, 0.0
    for question in QUESTIONS:
        answer = client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": question}], temperature=0
        )
        record = cacheai.info(answer)
        hits += record.cached
        cost += record.cost or 0.0
    return hits, cost


with tempfile.TemporaryDirectory() as folder:
    cache = f"sqlite://{folder}/eval.db"

    # 1. The same evaluation twice: the second run is served from the SQLite file.
    for run in (1, 2):
        with CacheAI(cache=cache, prices=PRICES) as client:
            hits, cost = evaluate(client)
            print(f"run {run}: {hits}/{len(QUESTIONS)} cached, cost ${cost:.6f}")

    # 2. A loop killed half-way (a child process that dies after 3 answers), then resumed in a new process.
    #    Each process prints, as it goes, which items it had to send to the server and which came from the cache.
    loop = (
        "import os, sys, cacheai\n"
        f"client = cacheai.CacheAI(cache={cache!r})\n"
        "for i, n in enumerate(range(100, 106)):\n"
        "    if i == int(sys.argv[1]): os._exit(1)  # killed: no cleanup, no goodbye\n"
        f"    messages = [{{'role': 'user', 'content': f'Item {{n}}'}}]\n"
        f"    answer = client.chat.completions.create(model={MODEL!r}, messages=messages)\n"
        "    print('cached' if cacheai.info(answer).cached else 'sent', n, flush=True)\n"
    )

    def sent(run: subprocess.CompletedProcess[str]) -> list[int]:
        return [int(line.split()[1]) for line in run.stdout.splitlines() if line.startswith("sent ")]

    killed = subprocess.run([sys.executable, "-c", loop, "3"], capture_output=True, text=True)
    print(f"first attempt died after 3 requests (exit status {killed.returncode}), sent {sent(killed)}")
    resumed = subprocess.run([sys.executable, "-c", loop, "-1"], capture_output=True, text=True, check=True)
    print(f"resumed: {len(sent(resumed))} sent to the server {sent(resumed)}, the first 3 were cache hits")
    once = sorted(sent(killed) + sent(resumed)) == list(range(100, 106))
    print(f"every item reached the server exactly once: {once}")
