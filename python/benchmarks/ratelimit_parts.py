"""Where the limiter's whole-call overhead goes: ``chat.completions.create`` against a canned adapter (as in
``ratelimit.py --overhead-only``) with the limiter, its parts replaced by stubs that do no work, one variant per
process (a stub patches its module), each against a client without the limiter in the same process.

    python benchmarks/ratelimit_parts.py [--bursts 150]

Parts: ``estimate`` (the token estimate: a constant), ``usage`` (reading ``usage.total_tokens`` from the body: a
constant), ``admit`` (the lock, clock and budgets of admission: a bare ticket), ``release`` (the release and
reconcile: marks the ticket released), ``all`` (the four at once: what is left is the layer itself, its notes
and tickets). Also ``no-op layer``: a layer whose hooks do nothing. CPU time of this thread, minimum of the bursts.
This is a diagnostic, not a product figure: on this project's machine the parts do not add up (their sum is far
less than the whole), which says the cost depends on the machine's caches and predictors as much as on the code.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

PARTS = ("none", "estimate", "usage", "admit", "release", "all", "no-op layer")


def _stub(part: str) -> None:
    import cacheai.limits._layer as layer_module
    from cacheai.limits._limiter import RateLimiter, Ticket

    if part in ("estimate", "all"):
        layer_module.estimate_request_tokens = lambda body, generates=True: 100  # type: ignore[assignment]
    if part in ("usage", "all"):
        layer_module._body_total_tokens = lambda response: 100
    if part in ("admit", "all"):
        RateLimiter.admit = lambda self, scope, tokens, timeout=None, request=None: Ticket(scope, tokens)  # type: ignore[method-assign]
    if part in ("release", "all"):

        def release(self: Any, ticket: Ticket, used_tokens: Any = None, snapshot: Any = None) -> None:
            ticket.released = True

        RateLimiter.release = release  # type: ignore[method-assign]


def measure(part: str, bursts: int, calls: int = 200) -> float:
    """Microseconds a whole call costs with the limiter (``part`` stubbed) minus without it."""
    from ratelimit import CHAT_SUITE_MESSAGES, CHAT_SUITE_MODEL, UNCONTENDED, canned_client, no_op_layer_client

    plain = canned_client(None)
    if part == "no-op layer":
        measured = no_op_layer_client()
    else:
        _stub(part)
        measured = canned_client(UNCONTENDED)
    messages: Any = CHAT_SUITE_MESSAGES

    def burst(client: Any) -> float:
        started = time.thread_time()
        for _ in range(calls):
            client.chat.completions.create(model=CHAT_SUITE_MODEL, messages=messages)
        return (time.thread_time() - started) / calls * 1e6

    best_plain = best_measured = float("inf")
    for _ in range(bursts):
        best_plain = min(best_plain, burst(plain))
        best_measured = min(best_measured, burst(measured))
    return best_measured - best_plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bursts", type=int, default=150)
    parser.add_argument("--part", choices=PARTS, help=argparse.SUPPRESS)  # one variant, in this process
    args = parser.parse_args()
    if args.part:
        print(measure(args.part, args.bursts))
        return
    print("whole chat.completions.create with the limiter minus without, µs per call (canned adapter):")
    for part in PARTS:
        done = subprocess.run(
            [sys.executable, __file__, "--part", part, "--bursts", str(args.bursts)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        label = "limiter, nothing stubbed" if part == "none" else part if part == "no-op layer" else f"{part} stubbed"
        print(f"  {label:26} {float(done.stdout):6.2f}", flush=True)


if __name__ == "__main__":
    main()
