"""Many prompts at once (issue 12's figures), side by side in one run.

    python benchmarks/batch.py            # the figures (a few minutes): 1,000 prompts x 3 rounds, 100,000, kill
    python benchmarks/batch.py --smoke    # seconds: tiny sizes, every part runs once
    python benchmarks/batch.py --json     # also one JSON line with every number at the end

(a) Throughput: N prompts (1,000), 32 at a time, against ``cacheai serve-fake --latency 0.05`` (its own process,
    so the server's CPU is not the client's): wall time divided by the ideal N / 32 x 50 ms for
    ``CacheAI.batch_generate(max_concurrent=32)``, a ``ThreadPoolExecutor(32)`` over ``openai.OpenAI`` (and
    over ``cacheai.CacheAI``: the same HTTP calls without batch_generate's coordination), and LiteLLM's
    ``batch_completion(max_workers=32)``. LiteLLM runs in its own interpreter (``--litellm-python``,
    else the CI's LiteLLM venv under ``~/.cache/cacheai-ci``): a worker that imports LiteLLM once and times each
    round when told to, so the rounds interleave (order rotated each round; the median is shown). Every answer
    is checked against the prompt it answers, in order.
(b) Memory: 100,000 prompts against a zero-latency fake, each mode in a fresh process with a warmed-up client:
    the highest RSS during the run (sampled every 50 ms) minus the RSS before it, with ``batch_generate_iter``
    over a generator (results dropped as they come: the machinery alone, "memory beyond the results"), and with
    ``batch_generate`` over a list (results kept).
(c) Resume: a process running ``batch_generate_iter`` with a SQLite cache is killed with SIGKILL half-way and
    run again: the server (in this process) must see no prompt that the first run completed; the prompts it
    sees twice are those in flight at the kill.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

MODEL = "gpt-4o-mini"
THREADS = 32
LATENCY = 0.05
CACHE_DIR = Path(os.environ.get("CACHEAI_CI_CACHE", Path.home() / ".cache" / "cacheai-ci"))

LITELLM_WORKER = r"""
import json, os, sys, time
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no network fetch of the price map
import litellm
base_url, n, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
messages = [[{"role": "user", "content": f"prompt {i}"}] for i in range(n)]
options = {"model": "openai/gpt-4o-mini", "api_base": base_url, "api_key": "bench"}
litellm.completion(messages=messages[0], **options)  # warm-up: imports, client
from importlib.metadata import version
print(json.dumps({"ready": version("litellm")}), flush=True)
for _ in sys.stdin:
    cpu, start = time.process_time(), time.perf_counter()
    results = litellm.batch_completion(messages=messages, max_workers=threads, **options)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    correct = sum(
        not isinstance(r, Exception) and r.choices[0].message.content == f"Echo: prompt {i}"
        for i, r in enumerate(results)
    )
    print(json.dumps({"wall": wall, "correct": correct, "cpu": cpu}), flush=True)
"""


def prompts(n: int) -> list[str]:
    return [f"prompt {i}" for i in range(n)]


def start_fake(latency: float) -> tuple[subprocess.Popen[str], str]:
    """``cacheai serve-fake`` in its own process; returns it and its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cacheai", "serve-fake", "--port", "0", "--latency", str(latency)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- (a) throughput ---------------------------------------------------------------------------------------


def cacheai_round(base_url: str, n: int) -> Callable[[], tuple[float, int, float]]:
    import cacheai

    client = cacheai.CacheAI(base_url=base_url, api_key="bench", max_retries=0)
    client.batch_generate(prompts(THREADS), model=MODEL, max_concurrent=THREADS)  # warm-up: connections

    def one() -> tuple[float, int, float]:
        cpu, start = time.process_time(), time.perf_counter()
        results = client.batch_generate(prompts(n), model=MODEL, max_concurrent=THREADS)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        return wall, sum(r.content == f"Echo: prompt {i}" for i, r in enumerate(results)), cpu

    return one


def openai_round(base_url: str, n: int) -> Callable[[], tuple[float, int, float]]:
    import openai

    return _pool_round(openai.OpenAI(base_url=base_url, api_key="bench", max_retries=0), n)


def cacheai_pool_round(base_url: str, n: int) -> Callable[[], tuple[float, int, float]]:
    import cacheai

    return _pool_round(cacheai.CacheAI(base_url=base_url, api_key="bench", max_retries=0), n)


def _pool_round(client: Any, n: int) -> Callable[[], tuple[float, int, float]]:
    """A ``ThreadPoolExecutor(32)`` mapping ``chat.completions.create`` over the prompts, with ``client``."""

    def ask(text: str) -> str | None:
        answer = client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": text}])
        return answer.choices[0].message.content

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(ask, prompts(THREADS)))  # warm-up

    def one() -> tuple[float, int, float]:
        cpu, start = time.process_time(), time.perf_counter()
        with ThreadPoolExecutor(THREADS) as pool:
            answers = list(pool.map(ask, prompts(n)))
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        return wall, sum(a == f"Echo: prompt {i}" for i, a in enumerate(answers)), cpu

    return one


def litellm_python(given: str | None) -> Path | None:
    candidates = [given] if given else []
    if os.environ.get("CACHEAI_LITELLM_BIN"):
        candidates.append(str(Path(os.environ["CACHEAI_LITELLM_BIN"]).parent / "python"))
    candidates.append(str(CACHE_DIR / "litellm" / "bin" / "python"))
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return Path(candidate)
    return None


class LiteLLMWorker:
    def __init__(self, python: Path, base_url: str, n: int) -> None:
        self.process = subprocess.Popen(
            [str(python), "-c", LITELLM_WORKER, base_url, str(n), str(THREADS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            err = self.process.stderr.read() if self.process.stderr else ""
            raise RuntimeError(f"the LiteLLM worker did not start: {err.strip().splitlines()[-1:] or '?'}")
        self.version = json.loads(line)["ready"]

    def round(self) -> tuple[float, int, float]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("go\n")
        self.process.stdin.flush()
        result = json.loads(self.process.stdout.readline())
        return float(result["wall"]), int(result["correct"]), float(result["cpu"])

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def throughput(n: int, rounds: int, litellm_path: str | None) -> dict[str, Any]:
    server, base_url = start_fake(LATENCY)
    ideal = n / THREADS * LATENCY
    variants: dict[str, Callable[[], tuple[float, int, float]]] = {
        "cacheai batch_generate(max_concurrent=32)": cacheai_round(base_url, n),
        "ThreadPoolExecutor(32) over openai.OpenAI": openai_round(base_url, n),
        "ThreadPoolExecutor(32) over cacheai.CacheAI": cacheai_pool_round(base_url, n),
    }
    notes: list[str] = []
    worker = None
    python = litellm_python(litellm_path)
    litellm_name = "LiteLLM batch_completion(max_workers=32)"
    if python is None:
        notes.append(f"{litellm_name}: not run: no LiteLLM interpreter (pass --litellm-python, or install litellm)")
    else:
        try:
            worker = LiteLLMWorker(python, base_url, n)
            variants[f"LiteLLM {worker.version} batch_completion(max_workers=32)"] = worker.round
        except (RuntimeError, OSError, ValueError) as error:
            notes.append(f"{litellm_name}: not run: {error}")
    walls: dict[str, list[float]] = {name: [] for name in variants}
    cpus: dict[str, list[float]] = {name: [] for name in variants}
    wrong: dict[str, int] = dict.fromkeys(variants, 0)
    try:
        names = list(variants)
        for r in range(rounds):
            for name in names[r % len(names) :] + names[: r % len(names)]:
                wall, correct, cpu = variants[name]()
                walls[name].append(wall)
                cpus[name].append(cpu)
                wrong[name] += n - correct
    finally:
        if worker is not None:
            worker.close()
        stop(server)
    rows = [
        {
            "variant": name,
            "wall_s": statistics.median(w),
            "x_ideal": statistics.median(w) / ideal,
            "client_cpu_s": statistics.median(cpus[name]),
            "wrong": wrong[name],
        }
        for name, w in walls.items()
    ]
    print(f"(a) {n} prompts, {THREADS} at a time, fake server 50 ms latency (own process): ideal {ideal:.3f} s")
    print(f"    median of {rounds} round(s), order rotated\n")
    print("| variant | wall s | x ideal | client CPU s | wrong answers |")
    print("|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['variant']} | {row['wall_s']:.3f} | {row['x_ideal']:.2f} | {row['client_cpu_s']:.2f} | "
            f"{row['wrong']} |"
        )
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for note in notes:
        print(note)
    return {"n": n, "ideal_s": ideal, "rounds": rounds, "rows": rows, "notes": notes}


# --- (b) memory -------------------------------------------------------------------------------------------


def rss_mb() -> float:
    """This process's resident set size now (Linux ``/proc``), else its peak so far."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class RSSSampler:
    """The highest RSS seen, sampled every 50 ms on a thread, minus the RSS when it started."""

    def __init__(self) -> None:
        self.baseline = rss_mb()
        self.peak = self.baseline
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, rss_mb())

    def growth(self) -> float:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())
        return self.peak - self.baseline


def memory_worker(base_url: str, n: int, mode: str) -> None:
    import cacheai

    client = cacheai.CacheAI(base_url=base_url, api_key="bench", max_retries=0)
    for _ in client.batch_generate_iter([f"warm {i}" for i in range(500)], model=MODEL, max_concurrent=THREADS):
        pass  # warm-up: imports, threads, connections (nothing kept)
    texts: list[str] | None = prompts(n) if mode == "list" else None  # the input exists before the baseline
    sampler = RSSSampler()
    start = time.perf_counter()
    if mode == "iter":
        source = (f"prompt {i}" for i in range(n))
        done = sum(1 for _ in client.batch_generate_iter(source, model=MODEL, max_concurrent=THREADS))
    else:
        assert texts is not None
        done = len(client.batch_generate(texts, model=MODEL, max_concurrent=THREADS))
    wall = time.perf_counter() - start
    print(json.dumps({"mode": mode, "growth_mb": sampler.growth(), "done": done, "wall_s": wall}))


def memory(n: int) -> dict[str, Any]:
    server, base_url = start_fake(0.0)
    outcomes = {}
    try:
        for mode in ("iter", "list"):
            out = subprocess.run(
                [sys.executable, __file__, "--memory-worker", base_url, str(n), mode],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            outcomes[mode] = json.loads(out.splitlines()[-1])
    finally:
        stop(server)
    machinery, kept = outcomes["iter"]["growth_mb"], outcomes["list"]["growth_mb"]
    print(f"\n(b) {n:,} prompts, {THREADS} at a time, zero-latency fake: RSS growth (peak during - before the run)\n")
    print("| mode | peak RSS growth MB | wall s | prompts/s |")
    print("|---|---|---|---|")
    for mode, label in (("iter", "batch_generate_iter, results dropped"), ("list", "batch_generate, results kept")):
        o = outcomes[mode]
        print(f"| {label} | {o['growth_mb']:.1f} | {o['wall_s']:.1f} | {o['done'] / o['wall_s']:.0f} |")
    print(
        f"memory beyond the results: {machinery:.1f} MB (target <= 50); the results themselves: about "
        f"{kept - machinery:.0f} MB ({(kept - machinery) * 1024 / n:.1f} KB per ModelResponse)"
    )
    return {"n": n, "beyond_results_mb": machinery, "with_results_mb": kept, "outcomes": outcomes}


# --- (c) SIGKILL half-way, then a rerun with a SQLite cache -----------------------------------------------


def kill_worker(base_url: str, n: int, cache: str) -> None:
    import cacheai

    client = cacheai.CacheAI(base_url=base_url, api_key="bench", max_retries=0, cache=cache, default_model=MODEL)
    for index, result in client.batch_generate_iter(prompts(n), max_concurrent=8):
        if not isinstance(result, BaseException):
            print(index, flush=True)  # completed: its answer is in the cache


def resume(n: int) -> dict[str, Any]:
    from cacheai.testing import FakeOpenAIServer

    folder = tempfile.mkdtemp()
    cache = f"sqlite:///{Path(folder) / 'resume.db'}"
    command = [sys.executable, __file__, "--kill-worker", "", str(n), cache]

    def sent(server: FakeOpenAIServer) -> Counter[str]:
        # A request cut by the SIGKILL reaches the server without a body: it was never answered, so not counted.
        requests = [r for r in server.requests_to("/chat/completions") if r.body is not None]
        return Counter(str(r.body["messages"][-1]["content"]) for r in requests)

    with FakeOpenAIServer() as server:
        server.set_latency(0.01)
        command[3] = server.base_url
        first = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert first.stdout is not None
        completed: set[int] = set()
        for line in first.stdout:
            completed.add(int(line))
            if len(completed) >= n // 2:
                os.kill(first.pid, signal.SIGKILL)
                break
        first.wait()
        completed.update(int(line) for line in first.stdout.read().split())  # printed before the kill landed
        first.stdout.close()
        sent_first = sent(server)
        server.clear_requests()
        second = subprocess.run(command, capture_output=True, text=True, check=True)
        sent_second = sent(server)
    done_second = len(second.stdout.split())
    texts = prompts(n)
    resent_completed = sum(sent_second[texts[i]] for i in completed)
    in_flight_resent = sum(1 for text in sent_second if text in sent_first)
    outcome = {
        "n": n,
        "completed_before_kill": len(completed),
        "sent_first": sum(sent_first.values()),
        "sent_second": sum(sent_second.values()),
        "done_second": done_second,
        "completed_resent": resent_completed,
        "in_flight_resent": in_flight_resent,
        "sent_twice_in_one_run": sum(c > 1 for c in sent_first.values()) + sum(c > 1 for c in sent_second.values()),
    }
    print(f"\n(c) {n} prompts, 8 at a time, SQLite cache; SIGKILL after {len(completed)} completed, then a rerun\n")
    print("| first run sent | completed before the kill | rerun sent | rerun answered | completed prompts resent |")
    print("|---|---|---|---|---|")
    print(
        f"| {outcome['sent_first']} | {len(completed)} | {outcome['sent_second']} | {done_second} | "
        f"{resent_completed} |"
    )
    print(
        f"the rerun sent {in_flight_resent} prompt(s) the first run had sent but not finished (in flight at the "
        "kill: their answers never reached the cache)"
    )
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--prompts", type=int, default=1000, help="(a) prompts per round")
    parser.add_argument("--rounds", type=int, default=3, help="(a) rounds")
    parser.add_argument("--memory-prompts", type=int, default=100_000, help="(b) prompts")
    parser.add_argument("--resume-prompts", type=int, default=400, help="(c) prompts")
    parser.add_argument("--litellm-python", help="an interpreter with litellm installed")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: throughput,memory,resume")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes: 64 / 2,000 / 60 prompts, 1 round")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of every number")
    parser.add_argument("--memory-worker", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--kill-worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_worker:
        memory_worker(args.memory_worker[0], int(args.memory_worker[1]), args.memory_worker[2])
        return
    if args.kill_worker:
        kill_worker(args.kill_worker[0], int(args.kill_worker[1]), args.kill_worker[2])
        return
    if args.smoke:
        args.prompts, args.rounds, args.memory_prompts, args.resume_prompts = 64, 1, 2_000, 60
    skip = set(args.skip.split(","))
    report: dict[str, Any] = {}
    if "throughput" not in skip:
        report["throughput"] = throughput(args.prompts, args.rounds, args.litellm_python)
    if "memory" not in skip:
        report["memory"] = memory(args.memory_prompts)
    if "resume" not in skip:
        report["resume"] = resume(args.resume_prompts)
    if args.json:
        print(json.dumps(report))


if __name__ == "__main__":
    main()
