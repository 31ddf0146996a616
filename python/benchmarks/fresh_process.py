"""Measurements that need a fresh interpreter: import time, client construction, memory.

``python fresh_process.py startup <variant> <port>`` and ``python fresh_process.py memory <client> <port>
<stream chunks> <requests>`` print one JSON object on stdout. Only ``sys``, ``time`` and ``json`` are imported
before the timed import, the same for every variant.
"""

import json
import sys
import time

# variant -> what is imported, as (module, name to take from it or ""). The SDKs are imported the way drop-in
# code does it (``from cacheai import CacheAI as OpenAI``), so a package that defers its real import to the
# first attribute access is still measured in full.
STARTUP_VARIANTS = {
    "cacheai": (("cacheai", "CacheAI"),),
    "openai": (("openai", "OpenAI"),),
    "requests + pydantic": (("requests", ""), ("pydantic", "")),
    "http.client": (("http.client", ""), ("json", "")),
}


def import_statement(variant: str) -> str:
    """The Python statement a variant's import figure times."""
    parts = STARTUP_VARIANTS[variant]
    if all(not name for _module, name in parts):
        return "import " + ", ".join(module for module, _name in parts)
    return "; ".join(f"from {module} import {name}" if name else f"import {module}" for module, name in parts)


def _construct(variant: str, port: int) -> object:
    base_url = f"http://127.0.0.1:{port}/v1"
    if variant == "cacheai":
        import cacheai

        return cacheai.CacheAI(base_url=base_url, api_key="sk-bench")
    if variant == "openai":
        import openai

        return openai.OpenAI(base_url=base_url, api_key="sk-bench")
    if variant == "requests + pydantic":
        import requests

        return requests.Session()
    import http.client

    return http.client.HTTPConnection("127.0.0.1", port)


def startup(variant: str, port: int) -> dict[str, float]:
    """Import, construct twice, then make one chat request, timing each step."""
    parts = STARTUP_VARIANTS[variant]
    cpu, wall = time.process_time(), time.perf_counter()
    for module, name in parts:
        imported = __import__(module, fromlist=[name] if name else [])
        if name:
            getattr(imported, name)
    import_cpu, import_wall = time.process_time() - cpu, time.perf_counter() - wall

    cpu, wall = time.process_time(), time.perf_counter()
    client = _construct(variant, port)
    construct_cpu, construct_wall = time.process_time() - cpu, time.perf_counter() - wall
    wall = time.perf_counter()
    _construct(variant, port)
    second_construct_wall = time.perf_counter() - wall

    import clients

    wall = time.perf_counter()
    if variant in ("cacheai", "openai"):
        adapter: clients.BenchClient = clients.SDKClient(variant, client)
    elif variant == "requests + pydantic":
        adapter = clients.RequestsClient(f"http://127.0.0.1:{port}/v1", session=client)
    else:
        adapter = clients.HTTPClientClient("127.0.0.1", port)
    adapter.chat()
    first_request_wall = time.perf_counter() - wall
    return {
        "import_cpu": import_cpu,
        "import_wall": import_wall,
        "construct_cpu": construct_cpu,
        "construct_wall": construct_wall,
        "second_construct_wall": second_construct_wall,
        "first_request_wall": first_request_wall,
    }


def _rss_bytes() -> int:
    import os

    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class _PeakSampler:
    """Samples this process's RSS from a background thread while a block runs."""

    def __init__(self, interval: float = 0.005) -> None:
        import threading

        self.interval = interval
        self.samples: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def peak(self) -> int:
        return max(self.samples)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.samples.append(_rss_bytes())

    def __enter__(self) -> "_PeakSampler":
        self.samples.append(_rss_bytes())
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()
        self.samples.append(_rss_bytes())


def memory(client_name: str, port: int, stream_chunks: int, request_count: int) -> dict[str, object]:
    """RSS while consuming one long stream, then across many requests (sampled along the way)."""
    import gc

    import clients
    import payloads

    client = clients.make_client(client_name, "127.0.0.1", port)
    for _ in range(3):  # warm up every path once before the baseline
        client.chat()
        client.stream(100)

    gc.collect()
    stream_base = _rss_bytes()
    with _PeakSampler() as sampler:
        seen, length = client.stream(stream_chunks)
    if (seen, length) != (stream_chunks, len(payloads.stream_content(stream_chunks))):
        raise RuntimeError(f"{client_name}: expected {stream_chunks} chunks, got {seen} ({length} characters)")

    gc.collect()
    request_samples: list[int] = []
    objects_before = 0
    step = max(request_count // 10, 1)
    for index in range(1, request_count + 1):
        if client.chat() != payloads.CHAT_CONTENT:
            raise RuntimeError(f"{client_name}: wrong chat content")
        if index == step:
            gc.collect()
            objects_before = len(gc.get_objects())
        if index % step == 0:
            request_samples.append(_rss_bytes())
    gc.collect()
    objects_after = len(gc.get_objects())
    client.close()
    return {
        "stream_base": stream_base,
        "stream_peak": sampler.peak,
        "stream_samples": len(sampler.samples),
        "request_samples": request_samples,
        "objects_growth": objects_after - objects_before,
    }


def main() -> None:
    command = sys.argv[1]
    if command == "startup":
        result: object = startup(sys.argv[2], int(sys.argv[3]))
    elif command == "memory":
        result = memory(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    else:
        raise SystemExit(f"unknown command {command!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
