"""Per-chunk client CPU of ``chat.completions.stream()`` (events + accumulation) against plain
``create(stream=True)``, side by side in one run, for cacheai (and openai's helper for reference), with ``floor``:
plain streaming plus only the events and snapshot text openai's helper gives (the least any helper costs).

    python benchmarks/stream_helper.py [--chunks 2000] [--rounds 7]

Each round runs every variant once in a rotating order; the figure is the median of per-round ratios.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from itertools import chain
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import payloads
from run import BenchServer, choose_cpus


def plain(client: Any, chunks: int) -> int:
    length = 0
    for chunk in client.chat.completions.create(
        model=payloads.stream_model(chunks), messages=payloads.CHAT_MESSAGES, stream=True
    ):
        if chunk.choices and chunk.choices[0].delta.content:
            length += len(chunk.choices[0].delta.content)
    return length


def helper(client: Any, chunks: int) -> int:
    length = 0
    with client.chat.completions.stream(model=payloads.stream_model(chunks), messages=payloads.CHAT_MESSAGES) as s:
        for event in s:
            if event.type == "content.delta":
                length += len(event.delta)
        s.get_final_completion()
    return length


def floor(client: Any, chunks: int) -> int:
    """Plain streaming plus only what openai's helper obliges per chunk, in the helper's own structure (a function
    per chunk giving its events, iterated in C) and built as the helper builds them: the two events a content
    chunk gives (``chunk`` and ``content.delta``, pydantic models) and the snapshot text the delta event carries
    (a new string per chunk: the previous event still holds the one before). Nothing else is accumulated or
    checked: a lower bound for any implementation of the helper."""
    from cacheai.lib.streaming.chat._completions import _new, _set_dict
    from cacheai.lib.streaming.chat._events import ChunkEvent, ContentDeltaEvent

    message = {"content": ""}

    def events_of(chunk: Any) -> list[Any]:
        chunk_event = _new(ChunkEvent)
        _set_dict(chunk_event, {"type": "chunk", "chunk": chunk, "snapshot": message})
        content = chunk.choices[0].delta.content if chunk.choices else None
        if not content:
            return [chunk_event]
        text = message["content"] = message["content"] + content
        delta_event = _new(ContentDeltaEvent)
        _set_dict(delta_event, {"type": "content.delta", "delta": content, "snapshot": text, "parsed": None})
        return [chunk_event, delta_event]

    length = 0
    stream = client.chat.completions.create(
        model=payloads.stream_model(chunks), messages=payloads.CHAT_MESSAGES, stream=True
    )
    for event in chain.from_iterable(map(events_of, stream)):
        if event.type == "content.delta":
            length += len(event.delta)
    return length


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chunks", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    import openai

    import cacheai

    _, server_cpu = choose_cpus()
    server = BenchServer(server_cpu)
    try:
        base_url = f"http://127.0.0.1:{server.port}/v1"
        clients = {"cacheai": cacheai.CacheAI(api_key="sk-bench", base_url=base_url),
                   "openai": openai.OpenAI(api_key="sk-bench", base_url=base_url)}
        variants: dict[str, Callable[[], int]] = {
            f"{name} {kind.__name__}": (lambda c=client, k=kind: k(c, args.chunks))
            for name, client in clients.items()
            for kind in (plain, helper)
        }
        variants["cacheai floor"] = lambda: floor(clients["cacheai"], args.chunks)
        lengths = {name: run() for name, run in variants.items()}  # warm-up and check
        assert len(set(lengths.values())) == 1, lengths
        samples: dict[str, list[float]] = {name: [] for name in variants}
        names = list(variants)
        for round_index in range(args.rounds):
            order = names[round_index % len(names):] + names[: round_index % len(names)]
            for name in order:
                start = time.process_time()
                variants[name]()
                samples[name].append((time.process_time() - start) / args.chunks * 1e6)
        print(f"client CPU per chunk, {args.chunks} chunks, {args.rounds} rounds (median, min-max), µs:")
        for name in names:
            values = samples[name]
            print(f"  {name:16} {statistics.median(values):7.2f}  ({min(values):.2f}-{max(values):.2f})")
        for lib in clients:
            ratios = [h / p for h, p in zip(samples[f"{lib} helper"], samples[f"{lib} plain"], strict=True)]
            print(f"  {lib}: stream() ÷ create(stream=True) = {statistics.median(ratios):.2f}x")
        ratios = [f / p for f, p in zip(samples["cacheai floor"], samples["cacheai plain"], strict=True)]
        print(f"  cacheai: floor ÷ create(stream=True) = {statistics.median(ratios):.2f}x (the two events and the "
              "snapshot text alone)")
        ratio = [h / p for h, p in zip(samples["cacheai helper"], samples["openai helper"], strict=True)]
        print(f"  cacheai stream() ÷ openai stream() = {statistics.median(ratio):.2f}x")
    finally:
        server.close()


if __name__ == "__main__":
    main()
