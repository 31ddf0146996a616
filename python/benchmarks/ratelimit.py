"""Client-side rate limiting against a fake server that enforces OpenAI-style RPM/TPM (issue 11's figures).

    python benchmarks/ratelimit.py                  # the real figures: 600 RPM, 40,000 TPM, 2,000 requests (~15 min)
    python benchmarks/ratelimit.py --requests 800   # shorter: the same limits, less work past the first minute
    python benchmarks/ratelimit.py --smoke          # seconds: tiny sizes, every variant runs once
    python benchmarks/ratelimit.py --overhead-only  # seconds: the uncontended admission overhead alone

Every variant gets a fresh ``FakeOpenAIServer(rate_limits=FakeRateLimits(rpm, tpm))`` with 50 ms latency (a full
bucket at the start, like an idle account) and sends the same chat requests from 32 threads:

- ``cacheai``: ``RateLimitConfig(requests_per_minute=rpm, tokens_per_minute=tpm)``, default retries.
- ``cacheai adaptive``: ``RateLimitConfig(adaptive_throttling=True)``, no numbers: limits learnt from headers.
- ``openai.OpenAI``: a 32-thread pool, its default retries (2, honouring ``retry-after``).
- ``cookbook``: the OpenAI cookbook parallel processor's algorithm, written here from its description: one
  dispatcher with a dual continuous bucket (RPM and TPM, estimate = prompt + max_tokens), a fixed 15 s global
  pause after a 429 (detected by the message text), failed requests re-queued first, up to 5 attempts.
- ``cacheai x4 processes + Redis``: 4 processes x 8 threads sharing ``backend="redis://..."``.

The ideal time is what the limits allow with a full bucket at the start:
``max((N - rpm) / (rpm / 60), (N * tokens_per_request - tpm) / (tpm / 60), 0)`` plus one latency.
"Wasted tokens" are the estimated tokens of the requests the server refused.

The uncontended admission overhead (``admission_overhead``) is measured first, with no server: the limiter's
hooks on one chat-suite request (``payloads.py``), and a whole ``chat.completions.create`` against a canned
adapter with and without the limiter.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import queue
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from payloads import CHAT_MESSAGES as CHAT_SUITE_MESSAGES
from payloads import CHAT_MODEL as CHAT_SUITE_MODEL
from payloads import chat_completion_body

from cacheai import CacheAI, RateLimitConfig
from cacheai._exchange import Exchange
from cacheai._info import exchange_of
from cacheai._layers import Layer
from cacheai.limits import count_text_tokens, estimate_request_tokens
from cacheai.testing import FakeOpenAIServer, FakeRateLimits

CHAT_SUITE_BODY = chat_completion_body()

PROMPT = " ".join(["Summarise", "the", "following", "note", "in", "one", "line:"] + ["word"] * 21)
MAX_TOKENS = 64
MESSAGES = [{"role": "user", "content": PROMPT}]
BODY = {"model": "gpt-4o-mini", "messages": MESSAGES, "max_tokens": MAX_TOKENS}
LATENCY = 0.05
THREADS = 32


@dataclass
class Outcome:
    name: str
    wall: float
    ok: int
    failed: int
    server_429s: int
    wasted_tokens: int
    sent: int


def tokens_per_request() -> int:
    with FakeOpenAIServer() as server:
        answer = requests.post(f"{server.base_url}/chat/completions", json=BODY, timeout=10).json()
    return int(answer["usage"]["total_tokens"])


def ideal_time(n: int, rpm: float, tpm: float, per_request: int) -> float:
    return max((n - rpm) / (rpm / 60), (n * per_request - tpm) / (tpm / 60), 0.0) + LATENCY


def fresh_server(rpm: float, tpm: float) -> tuple[FakeOpenAIServer, FakeRateLimits]:
    limits = FakeRateLimits(rpm=rpm, tpm=tpm)
    server = FakeOpenAIServer(rate_limits=limits).start()
    server.set_latency(LATENCY)
    return server, limits


def in_pool(call: Any, n: int, threads: int = THREADS) -> tuple[int, int, float]:
    ok = failed = 0
    lock = threading.Lock()

    def one(_: int) -> None:
        nonlocal ok, failed
        try:
            call()
            with lock:
                ok += 1
        except Exception:
            with lock:
                failed += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, range(n)))
    return ok, failed, time.perf_counter() - started


def run_cacheai(name: str, config: RateLimitConfig, n: int, rpm: float, tpm: float) -> Outcome:
    server, limits = fresh_server(rpm, tpm)
    try:
        client = CacheAI(base_url=server.base_url, rate_limit=config, connection_pool_size=THREADS)
        ok, failed, wall = in_pool(lambda: client.chat.completions.create(**BODY), n)  # type: ignore[arg-type]
        return Outcome(name, wall, ok, failed, limits.rejected, limits.rejected_tokens, len(server.requests))
    finally:
        server.stop()


def run_openai(n: int, rpm: float, tpm: float) -> Outcome:
    import openai

    server, limits = fresh_server(rpm, tpm)
    try:
        client = openai.OpenAI(base_url=server.base_url, api_key="unused")
        ok, failed, wall = in_pool(lambda: client.chat.completions.create(**BODY), n)  # type: ignore[arg-type]
        return Outcome("openai.OpenAI", wall, ok, failed, limits.rejected, limits.rejected_tokens, len(server.requests))
    finally:
        server.stop()


def cookbook_estimate(body: dict[str, Any]) -> int:
    """The cookbook's count: 4 per message + tokens of every string field + 2 priming + n * max_tokens."""
    total = 2
    for message in body["messages"]:
        total += 4 + sum(count_text_tokens(v) for v in message.values() if isinstance(v, str))
    return total + body.get("n", 1) * body.get("max_tokens", 15)


def run_cookbook(n: int, rpm: float, tpm: float, pause: float) -> Outcome:
    server, limits = fresh_server(rpm, tpm)
    session = requests.Session()
    adapter = requests.adapters.HTTPAdapter(pool_connections=THREADS, pool_maxsize=THREADS)
    session.mount("http://", adapter)
    url = f"{server.base_url}/chat/completions"
    retries: queue.SimpleQueue[int] = queue.SimpleQueue()
    done = threading.Semaphore(0)
    state = {"ok": 0, "failed": 0, "last_429": -1e9}
    lock = threading.Lock()
    attempts = [5] * n
    cost = cookbook_estimate(BODY)

    def task(index: int) -> None:
        reply = session.post(url, json=BODY, timeout=60).json()
        if "error" in reply:
            with lock:
                if "rate limit" in reply["error"].get("message", "").lower():
                    state["last_429"] = time.monotonic()
                attempts[index] -= 1
                if attempts[index] > 0:
                    retries.put(index)
                    return
                state["failed"] += 1
        else:
            with lock:
                state["ok"] += 1
        done.release()

    started = time.perf_counter()
    available_r, available_t, last = rpm, tpm, time.monotonic()
    next_index, pending = 0, None
    finished = 0
    with ThreadPoolExecutor(THREADS) as pool:
        while finished < n:
            if pending is None:
                if not retries.empty():
                    pending = retries.get()
                elif next_index < n:
                    pending, next_index = next_index, next_index + 1
            now = time.monotonic()
            available_r = min(rpm, available_r + rpm * (now - last) / 60)
            available_t = min(tpm, available_t + tpm * (now - last) / 60)
            last = now
            if pending is not None and available_r >= 1 and available_t >= cost:
                available_r -= 1
                available_t -= cost
                pool.submit(task, pending)
                pending = None
            while done.acquire(blocking=False):
                finished += 1
            time.sleep(0.001)
            since = time.monotonic() - state["last_429"]
            if since < pause:
                time.sleep(pause - since)
    wall = time.perf_counter() - started
    server.stop()
    return Outcome(
        "cookbook algorithm",
        wall,
        int(state["ok"]),
        int(state["failed"]),
        limits.rejected,
        limits.rejected_tokens,
        len(server.requests),
    )


def worker(base_url: str, redis_url: str, n: int, rpm: float, tpm: float, threads: int) -> None:
    config = RateLimitConfig(requests_per_minute=rpm, tokens_per_minute=tpm, backend=redis_url)
    client = CacheAI(base_url=base_url, rate_limit=config, connection_pool_size=threads)
    ok, failed, wall = in_pool(lambda: client.chat.completions.create(**BODY), n, threads)  # type: ignore[arg-type]
    print(json.dumps({"ok": ok, "failed": failed, "wall": wall}))


def run_redis(n: int, rpm: float, tpm: float, redis_url: str | None) -> Outcome:
    redis_process = None
    if redis_url is None:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        import tempfile

        from redis_server import RedisServer  # the test suite's helper: a redis-server on a free port

        redis_process = RedisServer(Path(tempfile.mkdtemp()))
        redis_process.start()
        redis_url = redis_process.url
    server, limits = fresh_server(rpm, tpm)
    try:
        started = time.perf_counter()
        share, rest = divmod(n, 4)
        workers = [
            subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--worker",
                    server.base_url,
                    redis_url,
                    str(share + (i < rest)),
                    str(rpm),
                    str(tpm),
                    str(THREADS // 4),
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            for i in range(4)
        ]
        results = [json.loads(w.communicate()[0]) for w in workers]
        wall = time.perf_counter() - started
        return Outcome(
            "cacheai x4 processes + Redis",
            wall,
            sum(r["ok"] for r in results),
            sum(r["failed"] for r in results),
            limits.rejected,
            limits.rejected_tokens,
            len(server.requests),
        )
    finally:
        server.stop()
        if redis_process is not None:
            redis_process.stop()


class CannedAdapter(requests.adapters.BaseAdapter):
    """Answers every request with the chat suite's completion (``payloads.py``), with no network and no server."""

    def send(self, request: Any, stream: bool = False, timeout: Any = None, **kwargs: Any) -> requests.Response:
        response = requests.Response()
        response.status_code = 200
        response.headers["content-type"] = "application/json"
        response._content = CHAT_SUITE_BODY
        response.request = request
        response.url = request.url
        return response

    def close(self) -> None:
        pass


def canned_client(rate_limit: RateLimitConfig | None) -> CacheAI:
    session = requests.Session()
    session.mount("http://", CannedAdapter())
    return CacheAI(base_url="http://canned/v1", api_key="unused", http_client=session, rate_limit=rate_limit)


UNCONTENDED = RateLimitConfig(requests_per_minute=1e12, tokens_per_minute=1e12, max_concurrent=10**6)
"""Budgets that never fill: every admission is the uncontended one."""


class NoOpLayer(Layer):
    """A layer whose hooks do nothing: what any layer costs on the HTTP path."""

    def before_attempt(self, exchange: Any) -> None:
        pass

    def after_attempt(self, exchange: Any, response: Any, error: Any) -> None:
        return None


def no_op_layer_client() -> CacheAI:
    """``canned_client`` with one ``NoOpLayer`` on its HTTP path."""
    client = canned_client(None)
    http = client._http
    http.layers = http._attempt_layers = (NoOpLayer(),)
    return client


def per_call_us(operation: Any, calls: int) -> float:
    """CPU microseconds of this thread per call (time the machine gives other processes is not counted)."""
    started = time.thread_time()
    for _ in range(calls):
        operation()
    return (time.thread_time() - started) / calls * 1e6


def admission_overhead(calls: int, bursts: int) -> dict[str, float]:
    """Microseconds per uncontended request (budgets far from full), each the minimum over ``bursts`` bursts.

    - ``layer``: everything the limiter does on the HTTP path for one chat-suite request: the token estimate and
      admission (``before_attempt``), reconcile with the usage and release (``after_attempt``), ``complete``; on
      a real ``Exchange`` and the suite's canned response, minus making the exchange.
    - ``client``: a whole ``chat.completions.create`` against a canned adapter (no network), with the limiter
      minus without it, in alternating bursts: the overhead as the chat suite sees it.
    - ``acquire_release`` and ``estimate``: the two main parts on their own.
    Minimums of this thread's CPU time, because this machine is shared: interference only ever adds time.
    """
    plain, limited = canned_client(None), canned_client(UNCONTENDED)
    messages: Any = CHAT_SUITE_MESSAGES
    result = limited.chat.completions.create(model=CHAT_SUITE_MODEL, messages=messages)
    exchange = exchange_of(result)
    assert exchange is not None and exchange.response is not None
    response = exchange.response
    (layer,) = exchange.layers
    limiter = limited.rate_limiter
    assert limiter is not None and limiter.state()["*"].in_flight == 0

    def new_exchange() -> Exchange:
        assert exchange is not None
        options, request, layers = exchange.options, exchange.request, exchange.layers
        return Exchange(options, request, exchange.body, stream=False, layers=layers, owner=exchange.owner)

    def through_layer() -> None:
        one = new_exchange()
        layer.before_attempt(one)
        layer.after_attempt(one, response, None)
        layer.complete(one)

    def acquire_release() -> None:
        assert limiter is not None
        ticket = limiter.acquire(CHAT_SUITE_MODEL, 100)
        assert ticket is not None
        limiter.release(ticket, 90)

    def call(client: CacheAI) -> Any:
        return lambda: client.chat.completions.create(model=CHAT_SUITE_MODEL, messages=messages)

    body = exchange.body
    operations = {
        "layer": through_layer,
        "exchange": new_exchange,
        "acquire_release": acquire_release,
        "estimate": lambda: estimate_request_tokens(body),
        "client": call(limited),
        "client_without": call(plain),
    }
    best = dict.fromkeys(operations, math.inf)
    for _ in range(bursts):
        for name, operation in operations.items():
            best[name] = min(best[name], per_call_us(operation, calls))
    assert limiter.state()["*"].in_flight == 0  # every ticket was released
    return {
        "client": best["client"] - best["client_without"],
        "layer": best["layer"] - best["exchange"],
        "acquire_release": best["acquire_release"],
        "estimate": best["estimate"],
        "client_without": best["client_without"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rpm", type=float, default=600)
    parser.add_argument("--tpm", type=float, default=40_000)
    parser.add_argument("--pause", type=float, default=15.0, help="the cookbook's fixed pause after a 429")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes: 60 RPM, 70 requests, 1 s pause")
    parser.add_argument("--redis-url", help="use this Redis instead of starting a redis-server")
    parser.add_argument("--skip", default="", help="comma-separated variants to skip: openai,cookbook,redis")
    parser.add_argument("--overhead-only", action="store_true", help="only the uncontended admission overhead")
    parser.add_argument("--worker", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        base_url, redis_url, n, rpm, tpm, threads = args.worker
        worker(base_url, redis_url, int(n), float(rpm), float(tpm), int(threads))
        return
    if args.overhead_only:
        for name, value in admission_overhead(100 if args.smoke else 200, 5 if args.smoke else 400).items():
            print(f"{name}: {value:.2f} us per request")
        return
    if args.smoke:
        args.requests, args.rpm, args.tpm, args.pause = 70, 60, 6_000, 1.0
    n, rpm, tpm = args.requests, args.rpm, args.tpm
    skip = set(args.skip.split(","))
    cost = admission_overhead(100 if args.smoke else 200, 5 if args.smoke else 400)  # first: no other threads yet
    per_request = tokens_per_request()
    ideal = ideal_time(n, rpm, tpm, per_request)
    print(
        f"{n} chat requests, {THREADS} threads, fake server {rpm:g} RPM / {tpm:g} TPM, {LATENCY * 1000:.0f} ms latency"
    )
    print(f"{per_request} tokens per request (estimate {estimate_request_tokens(BODY)}); ideal time {ideal:.1f} s\n")
    outcomes = [
        run_cacheai(
            "cacheai (matching RateLimitConfig)",
            RateLimitConfig(requests_per_minute=rpm, tokens_per_minute=tpm),
            n,
            rpm,
            tpm,
        ),
        run_cacheai("cacheai adaptive, no numbers", RateLimitConfig(adaptive_throttling=True), n, rpm, tpm),
    ]
    if "openai" not in skip:
        outcomes.append(run_openai(n, rpm, tpm))
    if "cookbook" not in skip:
        outcomes.append(run_cookbook(n, rpm, tpm, args.pause))
    if "redis" not in skip:
        outcomes.append(run_redis(n, rpm, tpm, args.redis_url))
    header = "| variant | 429s (% of sent) | failed calls | wall s | x ideal | wasted tokens |"
    print(header)
    print("|---|---|---|---|---|---|")
    for o in outcomes:
        share = 100 * o.server_429s / max(1, o.sent)
        print(
            f"| {o.name} | {o.server_429s} ({share:.1f} %) | {o.failed} | {o.wall:.1f} | {o.wall / ideal:.2f} | "
            f"{o.wasted_tokens} |"
        )
    print(
        f"\nUncontended admission, per chat-suite request: {cost['client']:.2f} us client CPU with the limiter minus "
        f"without; {cost['layer']:.2f} us in the limiter's hooks (estimate + admission + reconcile + release), of "
        f"which acquire + release {cost['acquire_release']:.2f} us and the token estimate {cost['estimate']:.2f} us"
    )
    if os.environ.get("CACHEAI_BENCH_JSON"):
        print(json.dumps([o.__dict__ for o in outcomes]))


if __name__ == "__main__":
    main()
