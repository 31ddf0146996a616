"""batch_generate against the fake server: order, failures, progress, Ctrl-C, laziness."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import cacheai
from cacheai.batch import BatchInterrupted, BatchProgress, PartialFailureError
from cacheai.batch._generate import concurrency_cap
from cacheai.testing import FakeOpenAIServer, RecordedRequest

from ._interrupt import interrupt


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture
def client(server: FakeOpenAIServer) -> Iterator[cacheai.CacheAI]:
    with cacheai.CacheAI(base_url=server.base_url, default_model="gpt-4o-mini", max_retries=0) as made:
        yield made


def last_text(request: RecordedRequest) -> str:
    return str(request.body["messages"][-1]["content"])


def test_results_are_in_input_order_whatever_the_completion_order(
    server: FakeOpenAIServer, client: cacheai.CacheAI
) -> None:
    release = threading.Event()

    def reply(request: RecordedRequest) -> str:
        text = last_text(request)
        if text == "p0":  # the first prompt finishes last
            release.wait(10)
        elif text == "p9":
            release.set()
        return f"answer {text}"

    server.set_reply(reply)
    results = client.batch_generate([f"p{i}" for i in range(10)], max_concurrent=4)
    assert [r.content for r in results] == [f"answer p{i}" for i in range(10)]


def test_prompts_may_be_strings_messages_or_request_dicts(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    prompts = [
        "plain",
        [{"role": "system", "content": "s"}, {"role": "user", "content": "listed"}],
        {"messages": [{"role": "user", "content": "dict"}], "model": "gpt-4o", "temperature": 0.3},
    ]
    results = client.batch_generate(prompts, temperature=0.9, max_tokens=5)
    assert [r.content for r in results] == ["Echo: plain", "Echo: listed", "Echo: dict"]
    bodies = {last_text(r): r.body for r in server.requests_to("/chat/completions")}
    assert bodies["dict"]["model"] == "gpt-4o" and bodies["dict"]["temperature"] == 0.3
    assert bodies["plain"]["temperature"] == 0.9 and bodies["plain"]["max_tokens"] == 5


def test_partial_failure_carries_every_result(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    def reply(request: RecordedRequest) -> str:
        if last_text(request) in ("p1", "p3"):
            raise RuntimeError("scripted")
        return "ok"

    server.set_reply(reply)
    with pytest.raises(PartialFailureError) as caught:
        client.batch_generate([f"p{i}" for i in range(5)])
    error = caught.value
    assert error.failed_indices == [1, 3] and error.success_count == 3
    assert [type(r).__name__ for r in error.results] == [
        "ModelResponse",
        "InternalServerError",
        "ModelResponse",
        "InternalServerError",
        "ModelResponse",
    ]


def test_return_exceptions_puts_them_in_place(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    server.fail_next(1, 400, path="/chat/completions")
    results = client.batch_generate(["a"], return_exceptions=True)
    assert isinstance(results[0], cacheai.BadRequestError)


def test_each_prompt_has_its_own_retries(server: FakeOpenAIServer) -> None:
    server.fail_next(2, 500)
    policy = cacheai.RetryPolicy(base_delay=0.0, max_delay=0.0, jitter=0.0)
    with cacheai.CacheAI(base_url=server.base_url, default_model="m", max_retries=2, retry_policy=policy) as client:
        results = client.batch_generate(["a", "b"], max_concurrent=1)
    assert [r.content for r in results] == ["Echo: a", "Echo: b"]


def test_progress_is_monotonic_ends_at_one_and_runs_on_the_calling_thread(client: cacheai.CacheAI) -> None:
    fractions: list[float] = []
    events: list[BatchProgress] = []
    threads: set[int] = set()

    def plain(fraction: float) -> None:
        threads.add(threading.get_ident())
        fractions.append(fraction)

    def rich(fraction: float, *, event: BatchProgress) -> None:
        events.append(event)

    client.batch_generate([f"p{i}" for i in range(20)], max_concurrent=5, progress_callback=plain)
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(fractions) == 20
    assert threads == {threading.get_ident()}
    client.batch_generate([f"p{i}" for i in range(4)], progress_callback=rich)
    last = events[-1]
    assert (last.total, last.done, last.failed, last.cached) == (4, 4, 0, 0)
    assert last.tokens > 0 and last.cost > 0 and last.fraction == 1.0


def test_submission_is_lazy(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    taken: list[int] = []

    def prompts() -> Iterator[str]:
        for i in range(50):
            taken.append(i)
            yield f"p{i}"

    seen = 0
    for _, result in client.batch_generate_iter(prompts(), max_concurrent=3):
        seen += 1
        assert not isinstance(result, BaseException)
        assert len(taken) <= seen + 2 * 3  # never more than 2 x max_concurrent ahead of what was yielded
    assert seen == 50


def test_max_concurrent_is_capped_by_a_rate_limiter(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    from cacheai.limits import RateLimitConfig

    assert concurrency_cap(client, 32) == 32
    limited = cacheai.CacheAI(
        base_url=server.base_url, default_model="gpt-4o-mini", rate_limit=RateLimitConfig(max_concurrent=3)
    )
    assert concurrency_cap(limited, 32) == 3
    limited.close()
    with pytest.raises(ValueError, match="max_concurrent"):
        concurrency_cap(client, 0)


def test_ctrl_c_cancels_pending_and_carries_what_completed(server: FakeOpenAIServer, tmp_path: object) -> None:
    server.set_latency(0.2)
    script = textwrap.dedent(
        f"""
        import sys, cacheai
        from cacheai.batch import BatchInterrupted
        client = cacheai.CacheAI(base_url={server.base_url!r}, default_model="m", max_retries=0)
        try:
            client.batch_generate([f"p{{i}}" for i in range(200)], max_concurrent=2)
        except BatchInterrupted as stop:
            done = [r for r in stop.results if r is not None]
            print("INTERRUPTED", len(stop.results), stop.completed, len(done), isinstance(stop, KeyboardInterrupt))
            sys.exit(0)
        print("FINISHED")
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    out, _ = interrupt(process, when=lambda: len(server.requests_to("/chat/completions")) >= 3)
    words = out.split()
    assert words[0] == "INTERRUPTED" and words[1] == "200" and words[-1] == "True"
    completed = int(words[2])
    assert 1 <= completed < 200 and int(words[3]) == completed
    assert len(server.requests_to("/chat/completions")) < 200  # pending prompts were never sent


def test_batch_interrupted_is_a_keyboard_interrupt() -> None:
    stop = BatchInterrupted([None, 1])
    assert isinstance(stop, KeyboardInterrupt) and stop.completed == 1


def test_a_rerun_with_a_sqlite_cache_sends_each_completed_prompt_once(server: FakeOpenAIServer, tmp_path: Path) -> None:
    cache = f"sqlite:///{tmp_path / 'cache.db'}"
    prompts = [f"p{i}" for i in range(20)]

    def stop_half_way(fraction: float) -> None:
        if fraction >= 0.5:
            raise KeyboardInterrupt  # as Ctrl-C would, on the thread that called batch_generate

    with cacheai.CacheAI(base_url=server.base_url, default_model="m", cache=cache) as first:
        with pytest.raises(BatchInterrupted) as caught:
            first.batch_generate(prompts, max_concurrent=2, progress_callback=stop_half_way)
    completed = {i for i, result in enumerate(caught.value.results) if result is not None}
    assert 10 <= len(completed) < 20
    sent_first = {last_text(r) for r in server.requests_to("/chat/completions")}
    assert sent_first == {prompts[i] for i in completed}
    with cacheai.CacheAI(base_url=server.base_url, default_model="m", cache=cache) as second:
        results = second.batch_generate(prompts, max_concurrent=4)
    assert [r.content for r in results] == [f"Echo: {p}" for p in prompts]
    assert {i for i, r in enumerate(results) if r.cached} == completed
    assert Counter(last_text(r) for r in server.requests_to("/chat/completions")) == Counter(prompts)


def test_results_keep_their_record_but_let_the_http_response_go(client: cacheai.CacheAI) -> None:
    from cacheai._info import exchange_of

    results = client.batch_generate(["a", "b"])
    record = cacheai.info(results[0])
    assert record.status_code == 200 and record.request_id and record.headers["content-type"] == "application/json"
    assert record.cost == results[0].usage.estimated_cost and record.latency_ms > 0
    exchange = exchange_of(results[0].completion)
    assert exchange is not None and exchange.response is None and exchange.body is None


def test_no_more_than_max_concurrent_prompts_are_in_flight(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    lock = threading.Lock()
    now = [0]
    peak = [0]

    def reply(request: RecordedRequest) -> str:
        with lock:
            now[0] += 1
            peak[0] = max(peak[0], now[0])
        threading.Event().wait(0.01)
        with lock:
            now[0] -= 1
        return "ok"

    server.set_reply(reply)
    assert len(client.batch_generate([f"p{i}" for i in range(40)], max_concurrent=3)) == 40
    assert 1 <= peak[0] <= 3


def test_an_input_that_raises_stops_the_batch_with_its_error(client: cacheai.CacheAI) -> None:
    def prompts() -> Iterator[str]:
        yield from ("a", "b", "c")
        raise ValueError("the input broke")

    with pytest.raises(ValueError, match="the input broke"):
        client.batch_generate(prompts(), max_concurrent=2)


def test_an_input_of_unknown_length_gets_no_callback_but_still_its_answers(client: cacheai.CacheAI) -> None:
    fractions: list[float] = []
    results = client.batch_generate((p for p in ["a", "b"]), progress_callback=fractions.append)
    assert [r.content for r in results] == ["Echo: a", "Echo: b"]
    assert fractions == []  # no total, no fraction (as documented)


@pytest.mark.parametrize("flag", [1, 0, "yes", None])
def test_use_batch_api_takes_only_true_false_or_auto(
    server: FakeOpenAIServer, client: cacheai.CacheAI, flag: object
) -> None:
    with pytest.raises(ValueError, match=f"use_batch_api must be True, False or 'auto', got {flag!r}"):
        client.batch_generate(["a"], use_batch_api=flag)  # type: ignore[arg-type]
    assert server.requests == []
