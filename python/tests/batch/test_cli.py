"""``cacheai batch``: input lines, ordered output, failures, the Batch API, resuming through the cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest

from cacheai.cli import build_parser, main
from cacheai.testing import FakeOpenAIServer, RecordedRequest

from ._interrupt import HANG_GUARD, interrupt


@pytest.fixture(autouse=True)
def no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(("CACHEAI_", "OPENAI_")):
            monkeypatch.delenv(name)


def clean_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CACHEAI_"))}
    return {**env, "PYTHONUNBUFFERED": "1", **overrides}


def write_lines(path: Path, *lines: object) -> Path:
    path.write_text(
        "".join((line if isinstance(line, str) and not line.strip() else json.dumps(line)) + "\n" for line in lines)
    )
    return path


def read_results(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def text_of(request: RecordedRequest) -> str:
    return str(request.body["messages"][-1]["content"])


def run(server: FakeOpenAIServer, *args: str) -> int:
    return main(["batch", *args, "--base-url", server.base_url, "--max-retries", "0"])


def test_a_subprocess_writes_one_result_per_line_in_input_order_and_a_summary(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    release = threading.Event()

    def reply(request: RecordedRequest) -> str:
        if text_of(request) == "first":  # the first prompt finishes last
            release.wait(10)
        elif text_of(request) == "listed":
            release.set()
        return f"answer {text_of(request)}"

    server.set_reply(reply)
    source = write_lines(
        tmp_path / "prompts.jsonl",
        "first",
        {"id": "b", "prompt": "second"},
        "  ",
        {"id": 7, "prompt": [{"role": "user", "content": "listed"}], "temperature": 0.2},
        {"messages": [{"role": "user", "content": "body"}], "model": "gpt-4o", "max_tokens": 5},
    )
    output = tmp_path / "results.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "cacheai", "batch", str(source), "-o", str(output), "--concurrency", "4"],
        env=clean_env(CACHEAI_BASE_URL=server.base_url),
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    results = read_results(output)
    assert [(r["id"], r["line"], r["content"]) for r in results] == [
        (None, 1, "answer first"),
        ("b", 2, "answer second"),
        (7, 4, "answer listed"),
        (None, 5, "answer body"),
    ]
    first = results[0]
    assert first["error"] is None and first["cached"] is False and first["model"] == "gpt-4o-mini"
    assert isinstance(first["cost"], float) and first["cost"] > 0
    assert first["usage"] == {"prompt_tokens": 4, "completion_tokens": 2, "total_tokens": 6}
    bodies = {text_of(r): r.body for r in server.requests_to("/chat/completions")}
    assert bodies["listed"]["temperature"] == 0.2 and bodies["body"]["model"] == "gpt-4o"
    assert bodies["body"]["max_tokens"] == 5
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("cacheai batch: 4/4 done, 0 failed, 0 cached, 24 tokens, cost $")
    assert "wall time" in summary and summary.endswith(f"-> {output}")
    assert result.stdout == ""


def test_results_go_to_standard_output_without_o(
    server: FakeOpenAIServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(server, str(write_lines(tmp_path / "p.jsonl", "a", "b"))) == 0
    out = capsys.readouterr().out
    assert [json.loads(line)["content"] for line in out.splitlines()] == ["Echo: a", "Echo: b"]


def test_a_rerun_with_the_cache_sends_nothing_again(server: FakeOpenAIServer, tmp_path: Path) -> None:
    source = write_lines(tmp_path / "p.jsonl", *[f"p{i}" for i in range(6)])
    cache = f"sqlite:///{tmp_path / 'cache.db'}"
    output = tmp_path / "r.jsonl"
    assert run(server, str(source), "-o", str(output), "--cache", cache) == 0
    assert run(server, str(source), "-o", str(output), "--cache", cache) == 0
    assert len(server.requests_to("/chat/completions")) == 6
    results = read_results(output)
    assert all(r["cached"] for r in results) and [r["content"] for r in results] == [f"Echo: p{i}" for i in range(6)]
    assert {r["cost"] for r in results} == {0.0}


def test_failed_prompts_carry_their_error_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def reply(request: RecordedRequest) -> str:
        if text_of(request) == "bad":
            raise RuntimeError("scripted")
        return "ok"

    output = tmp_path / "r.jsonl"
    with FakeOpenAIServer() as server:  # (not the fixture: this server's one error is the scripted one)
        server.set_reply(reply)
        assert run(server, str(write_lines(tmp_path / "p.jsonl", "good", "bad", "good too")), "-o", str(output)) == 1
    assert [str(error) for error in server.errors] == ["scripted"]
    results = read_results(output)
    assert [r["content"] for r in results] == ["ok", None, "ok"]
    error = results[1]["error"]
    assert isinstance(error, dict) and error["type"] == "InternalServerError" and error["status_code"] == 500
    assert "3/3 done, 1 failed" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "p.jsonl line 2: not valid JSON (Expecting property name enclosed in double quotes at column 2)"),
        (
            "[1, 2]",
            "p.jsonl line 2: expected a prompt string or a JSON object with 'prompt' or 'messages', got an array",
        ),
        ('{"id": "x"}', "p.jsonl line 2: give exactly one of 'prompt' (a string or a list of messages) or 'messages'"),
        ('{"prompt": 3}', "p.jsonl line 2: 'prompt' must be a string or a non-empty list of messages"),
        ('{"messages": []}', "p.jsonl line 2: 'messages' must be a non-empty list of messages"),
        ('{"prompt": "x", "id": [1]}', "p.jsonl line 2: 'id' must be a string or an integer, got an array"),
        ('{"prompt": "x", "id": 1' + "0" * 64 + "}", "p.jsonl line 2: 'id' must be 1 to 64 characters"),
        ('{"prompt": "x", "id": ""}', "p.jsonl line 2: 'id' must be 1 to 64 characters"),
        ('{"prompt": "x", "id": "a"}', "p.jsonl line 2: id 'a' is already used on line 1"),
        ('{"prompt": "x", "stream": true}', "p.jsonl line 2: 'stream' is not supported in a batch"),
        ('{"prompt": "x", "custom_id": "c"}', "p.jsonl line 2: give the line's custom id as 'id', not 'custom_id'"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_sent(
    server: FakeOpenAIServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    line: str,
    message: str,
) -> None:
    source = tmp_path / "p.jsonl"
    source.write_text(json.dumps({"id": "a", "prompt": "fine"}) + "\n" + line + "\n" + '"later"\n')
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        run(server, "p.jsonl", "-o", "r.jsonl")
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"cacheai: error: {message}") and err.count("\n") == 1
    assert server.requests == []


def test_a_missing_input_file_is_one_line(
    server: FakeOpenAIServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        run(server, str(tmp_path / "none.jsonl"))
    assert (
        capsys.readouterr().err == f"cacheai: error: cannot read {tmp_path / 'none.jsonl'}: No such file or directory\n"
    )


def test_the_batch_api_uses_the_ids_as_custom_ids_at_batch_price(server: FakeOpenAIServer, tmp_path: Path) -> None:
    source = write_lines(tmp_path / "p.jsonl", {"id": "x", "prompt": "a"}, "b", {"id": 3, "prompt": "c"})
    threads, batch = tmp_path / "threads.jsonl", tmp_path / "batch.jsonl"
    assert run(server, str(source), "-o", str(threads)) == 0
    assert run(server, str(source), "-o", str(batch), "--batch-api", "--poll-interval", "0") == 0
    uploaded = server.requests_to("/files")[0].body["file"]
    assert [json.loads(line)["custom_id"] for line in uploaded.splitlines()] == ["x", "line-2", "3"]
    by_thread, by_batch = read_results(threads), read_results(batch)
    assert [r["content"] for r in by_batch] == ["Echo: a", "Echo: b", "Echo: c"]
    assert [r["id"] for r in by_batch] == ["x", None, 3]
    assert [r["cost"] for r in by_batch] == [pytest.approx(float(str(r["cost"])) / 2) for r in by_thread]


def test_an_expired_batch_writes_the_partial_results(
    server: FakeOpenAIServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.set_batch_faults(expire_after=1)
    output = tmp_path / "r.jsonl"
    source = write_lines(tmp_path / "p.jsonl", "a", "b")
    assert run(server, str(source), "-o", str(output), "--batch-api", "--poll-interval", "0") == 1
    results = read_results(output)
    assert results[0]["content"] == "Echo: a"
    assert results[1]["error"] == {
        "type": "BatchItemError",
        "message": results[1]["error"]["message"],
        "code": "missing",
    }  # type: ignore[index]
    assert "expired" in capsys.readouterr().err


def test_the_limits_and_the_cache_reach_the_client(tmp_path: Path) -> None:
    from cacheai.batch._cli import _client

    args = build_parser().parse_args(
        [
            "batch",
            "p.jsonl",
            "--base-url",
            "http://127.0.0.1:9/v1",
            "--rpm",
            "120",
            "--tpm",
            "5000",
            "--cache",
            f"sqlite:///{tmp_path / 'c.db'}",
            "-m",
            "gpt-4o",
        ]
    )
    with _client(args) as client:
        limiter = client.rate_limiter
        assert limiter is not None
        config = limiter.config_for("gpt-4o")
        assert (config.requests_per_minute, config.tokens_per_minute) == (120, 5000)
        assert client.cache is not None and client.default_model == "gpt-4o"


def test_ctrl_c_writes_what_is_in_order_and_a_rerun_with_the_cache_resumes(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    server.set_latency(0.1)
    prompts = [f"p{i}" for i in range(60)]
    source = write_lines(tmp_path / "p.jsonl", *prompts)
    output, cache = tmp_path / "r.jsonl", f"sqlite:///{tmp_path / 'cache.db'}"
    command = [sys.executable, "-m", "cacheai", "batch", str(source), "-o", str(output), "--cache", cache]
    env = clean_env(CACHEAI_BASE_URL=server.base_url)
    process = subprocess.Popen([*command, "--concurrency", "2"], env=env, stderr=subprocess.PIPE, text=True)
    _, err = interrupt(process, when=lambda: len(server.requests_to("/chat/completions")) >= 6)
    assert process.returncode == 130
    assert "interrupted (rerun with the same --cache to resume)" in err
    first = read_results(output)
    assert 1 <= len(first) < 60 and [r["content"] for r in first] == [f"Echo: {p}" for p in prompts[: len(first)]]
    sent = len(server.requests_to("/chat/completions"))
    assert sent < 60
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=HANG_GUARD, check=False)
    assert rerun.returncode == 0, rerun.stderr
    results = read_results(output)
    assert [r["content"] for r in results] == [f"Echo: {p}" for p in prompts]
    assert sum(bool(r["cached"]) for r in results) == sent  # everything the first run sent was answered then
    assert Counter(text_of(r) for r in server.requests_to("/chat/completions")) == Counter(prompts)


def test_an_empty_input_writes_nothing_and_is_not_submitted(
    server: FakeOpenAIServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, output = write_lines(tmp_path / "p.jsonl", "  "), tmp_path / "r.jsonl"
    assert run(server, str(source), "-o", str(output)) == 0
    assert output.read_text() == "" and "0/0 done" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run(server, str(source), "--batch-api")
    assert "has no prompts: nothing to submit to the Batch API" in capsys.readouterr().err
    assert server.requests == []


@pytest.mark.parametrize("value", ["-1", "nan"])
def test_a_negative_poll_interval_is_an_argument_error(
    server: FakeOpenAIServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    source = write_lines(tmp_path / "p.jsonl", "a")
    with pytest.raises(SystemExit) as stopped:  # was: pydantic's ValidationError of BatchConfig, with a traceback
        run(server, str(source), "--batch-api", "--poll-interval", value)
    assert stopped.value.code == 2
    assert f"argument --poll-interval: must be a number of seconds, 0 or more, got {value}" in capsys.readouterr().err
    assert server.requests == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--poll-interval", "5"], "--poll-interval applies only with --batch-api"),
        (["--batch-api", "--concurrency", "4"], "--concurrency does not apply with --batch-api"),
        (["--batch-api", "--rpm", "60"], "--rpm does not apply with --batch-api"),  # these three were ignored
        (["--batch-api", "--tpm", "1000"], "--tpm does not apply with --batch-api"),
        (["--batch-api", "--cache", "sqlite:///x.db"], "--cache does not apply with --batch-api"),
    ],
)
def test_an_option_of_the_other_mode_is_refused_not_ignored(
    server: FakeOpenAIServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(server, str(write_lines(tmp_path / "p.jsonl", "a")), *options)
    assert stopped.value.code == 1
    assert capsys.readouterr().err.startswith(f"cacheai: error: {message}")
    assert server.requests == []


def test_the_summary_counts_the_answers_without_a_price(
    server: FakeOpenAIServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_lines(tmp_path / "p.jsonl", {"prompt": "a", "model": "model-with-no-price"}, "b")
    output = tmp_path / "r.jsonl"
    assert run(server, str(source), "-o", str(output)) == 0
    priced = read_results(output)[1]["cost"]
    assert read_results(output)[0]["cost"] is None and isinstance(priced, float) and priced > 0
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    expected = f"cacheai batch: 2/2 done, 0 failed, 0 cached, 12 tokens, cost ${priced:.6f} (1 unpriced), wall time "
    assert summary.startswith(expected)


def test_ctrl_c_while_waiting_for_a_batch_points_to_the_job(
    server: FakeOpenAIServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import cacheai

    def interrupted(self: object, job_id: str, **options: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cacheai.CacheAI, "wait_for_batch", interrupted)
    source = write_lines(tmp_path / "p.jsonl", "a")
    assert run(server, str(source), "-o", str(tmp_path / "r.jsonl"), "--batch-api") == 130
    err = capsys.readouterr().err
    assert len(server.requests_to("/batches")) == 1 and "submitted Batch API job batch_" in err  # before the wait
    assert "interrupted (the job goes on: retrieve_batch_results with the job id printed above" in err
    assert "--cache" not in err  # a rerun would submit again: the cache is no way to resume a job
