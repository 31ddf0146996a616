"""The benchmark suite must keep running: its smoke mode runs every figure for every client, in seconds.

No timing is asserted here (the machine is noisy); what is asserted is that each client got the server's
exact answers (the harness checks that before timing) and that every section of the report was produced.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
CLIENTS = ("cacheai", "openai", "requests", "http.client")


def _run_smoke(tmp_path: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    output = tmp_path / "RESULTS.md"
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--smoke", "--output", str(output), *extra],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    return completed, output


def test_smoke_run_measures_every_figure_for_every_client(tmp_path: Path) -> None:
    completed, output = _run_smoke(tmp_path)
    assert completed.returncode == 0, completed.stderr[-4000:]
    text = output.read_text()

    for heading in (
        "## Targets",
        "## Is the server the bottleneck?",
        "### Chat completion (non-streaming)",
        "### Streamed chat, 50 chunks",
        "### Streamed chat, 200 chunks",
        "### Time to first chunk",
        "### models.list()",
        "### Embeddings 10 x 1536, default encoding_format",
        '### Embeddings 10 x 1536, encoding_format="float"',
        '### Embeddings 10 x 1536, encoding_format="base64"',
        "### 8 threads sharing one client",
        "### Import and client construction",
        "### Memory",
    ):
        assert heading in text, f"missing section {heading!r}"

    # Every per-call table has one row per client with a measured (non-zero) CPU figure.
    for client in CLIENTS:
        rows = re.findall(rf"^\| {re.escape(client)} \| ([0-9.,]+) \(", text, flags=re.MULTILINE)
        assert len(rows) >= 9, f"{client}: only {len(rows)} measured rows"
        assert all(float(value.replace(",", "")) > 0 for value in rows)

    # Every target got a measured value (the verdict itself is not a test: timing is noisy here).
    assert "not measured" not in text
    target_rows = re.findall(r"^\| .+ \| .+ \| (met|MISSED) \|$", text, flags=re.MULTILINE)
    assert len(target_rows) >= 11

    # No client failed a request while eight threads shared it.
    threads = text.split("### 8 threads sharing one client", 1)[1].split("###", 1)[0]
    for client in CLIENTS:
        row = next(line for line in threads.splitlines() if line.startswith(f"| {client} |"))
        errors = row.split("|")[5].strip()
        assert errors == "0", f"{client} had errors under threads: {row}"


def test_smoke_run_refuses_unknown_clients(tmp_path: Path) -> None:
    completed, output = _run_smoke(tmp_path, "--clients", "cacheai,nonexistent")
    assert completed.returncode != 0
    assert "nonexistent" in completed.stderr
    assert not output.exists()


def test_record_benchmark_smoke_runs_before_and_after_the_record() -> None:
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / "record.py"), "--smoke", "--rounds", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-4000:]
    for row in ("client CPU per chat request", "client CPU per streamed chunk", "first `cacheai.info(r).cost`"):
        line = next(line for line in completed.stdout.splitlines() if row in line)
        assert re.search(r"\d µs", line), line


def test_cache_benchmark_smoke_run_prints_every_figure(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / "cache.py"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert completed.returncode == 0, completed.stderr[-4000:]
    for row in ("miss, cache off", "miss, cache on (memory)", "hit, memory", "hit, sqlite", "replayed from cache"):
        assert row in completed.stdout
    assert "redis" in completed.stdout and "litellm" in completed.stdout.lower()


def test_batch_benchmark_smoke_runs_every_part() -> None:
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / "batch.py"), "--smoke", "--json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-4000:]
    report = json.loads(completed.stdout.splitlines()[-1])
    throughput = report["throughput"]
    names = [row["variant"] for row in throughput["rows"]]
    assert names[:3] == [
        "cacheai batch_generate(max_concurrent=32)",
        "ThreadPoolExecutor(32) over openai.OpenAI",
        "ThreadPoolExecutor(32) over cacheai.CacheAI",
    ]
    assert len(names) + len(throughput["notes"]) == 4  # LiteLLM ran, or a note says why not
    assert all(row["wrong"] == 0 and row["wall_s"] > 0 for row in throughput["rows"])
    outcomes = report["memory"]["outcomes"]
    assert outcomes["iter"]["done"] == outcomes["list"]["done"] == 2000
    resume = report["resume"]
    assert resume["completed_before_kill"] >= 30 and resume["done_second"] == 60
    assert resume["completed_resent"] == 0 and resume["sent_twice_in_one_run"] == 0


def _run_benchmark(name: str, *args: str) -> str:
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *args], capture_output=True, text=True, timeout=300
    )
    assert completed.returncode == 0, completed.stderr[-4000:]
    return completed.stdout


def test_stream_helper_benchmark_measures_the_helper_plain_streaming_and_the_floor() -> None:
    out = _run_benchmark("stream_helper.py", "--chunks", "50", "--rounds", "1")  # every variant read the same text
    for line in ("cacheai plain", "cacheai helper", "openai helper", "cacheai floor", "floor ÷ create(stream=True)"):
        assert line in out, f"missing {line!r}"


def test_ratelimit_parts_benchmark_measures_every_part() -> None:
    out = _run_benchmark("ratelimit_parts.py", "--bursts", "2")
    labels = re.findall(r"^  (.+?)\s+-?[0-9.]+$", out, flags=re.MULTILINE)
    assert labels == [
        "limiter, nothing stubbed",
        "estimate stubbed",
        "usage stubbed",
        "admit stubbed",
        "release stubbed",
        "all stubbed",
        "no-op layer",
    ]
