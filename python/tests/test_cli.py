"""The ``cacheai`` command, end to end: real subprocesses against the fake server."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import openai
import pytest

import cacheai
from cacheai.testing import FakeOpenAIServer

SUBCOMMANDS = ["chat", "complete", "models", "embed", "serve-fake", "demo", "batch", "cache"]
HANG_GUARD = 60  # seconds; only stops a broken test from hanging the suite, never an assertion


def clean_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CACHEAI_"))}
    env.update(overrides)
    return env


def run_cli(args: Sequence[str], *, env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cacheai", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )


@pytest.fixture
def env(server: FakeOpenAIServer) -> dict[str, str]:
    return clean_env(CACHEAI_BASE_URL=server.base_url)


def test_version() -> None:
    result = run_cli(["--version"], env=clean_env())
    assert (result.returncode, result.stdout.strip()) == (0, f"cacheai {cacheai.__version__}")


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_has_help(command: str) -> None:
    result = run_cli([command, "--help"], env=clean_env())
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: cacheai {command}")


def test_console_script_is_installed(env: dict[str, str]) -> None:
    script = Path(sys.executable).parent / "cacheai"
    result = subprocess.run([str(script), "models"], env=env, capture_output=True, text=True, timeout=HANG_GUARD)
    assert result.returncode == 0
    assert "gpt-4o-mini" in result.stdout.splitlines()


def test_chat_streams_by_default(env: dict[str, str], server: FakeOpenAIServer) -> None:
    result = run_cli(["chat", "hello there", "--system", "be kind", "-m", "my-model"], env=env)
    assert (result.returncode, result.stdout, result.stderr) == (0, "Echo: hello there\n", "")
    body = server.last_request.json()
    assert body["stream"] is True
    assert body["model"] == "my-model"
    assert body["messages"] == [
        {"role": "system", "content": "be kind"},
        {"role": "user", "content": "hello there"},
    ]


def test_chat_without_stream_and_with_options(env: dict[str, str], server: FakeOpenAIServer) -> None:
    result = run_cli(["chat", "one two three", "--no-stream", "--max-tokens", "2", "--temperature", "0"], env=env)
    assert (result.returncode, result.stdout) == (0, "Echo: one\n")
    body = server.last_request.json()
    assert "stream" not in body
    assert (body["max_tokens"], body["temperature"]) == (2, 0.0)


def test_chat_json_output(env: dict[str, str]) -> None:
    plain = run_cli(["chat", "hi", "--no-stream", "--json"], env=env)
    assert json.loads(plain.stdout)["choices"][0]["message"]["content"] == "Echo: hi"
    streamed = run_cli(["chat", "hi", "--json"], env=env)
    *chunks, record = [json.loads(line) for line in streamed.stdout.splitlines()]
    assert all(chunk["object"] == "chat.completion.chunk" for chunk in chunks)
    assert "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"]) == "Echo: hi"
    assert set(record) == {"cacheai_info"}


def test_chat_reads_the_prompt_from_stdin(env: dict[str, str]) -> None:
    result = run_cli(["chat", "-", "--no-stream"], env=env, stdin="from a pipe")
    assert result.stdout == "Echo: from a pipe\n"


def test_chat_from_stdin_drops_the_final_newline_only(env: dict[str, str], server: FakeOpenAIServer) -> None:
    run_cli(["chat", "-", "--no-stream"], env=env, stdin="two\nlines\n")
    run_cli(["chat", "-", "--no-stream"], env=env, stdin="windows\r\n")
    run_cli(["chat", "-", "--no-stream"], env=env, stdin="kept blank line\n\n")
    sent = [request.json()["messages"][-1]["content"] for request in server.requests]
    assert sent == ["two\nlines", "windows", "kept blank line\n"]


def test_serve_fake_on_a_busy_port_prints_one_line(env: dict[str, str], server: FakeOpenAIServer) -> None:
    result = run_cli(["serve-fake", "--port", str(server.port)], env=env)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"cacheai: error: cannot listen on 127.0.0.1:{server.port}: ")
    assert "Traceback" not in result.stderr


def test_streamed_text_appears_before_the_stream_ends(env: dict[str, str], server: FakeOpenAIServer) -> None:
    server.set_stream_faults(stall_after=3)  # role chunk, "Echo:", " partial" and then nothing
    process = subprocess.Popen(
        [sys.executable, "-m", "cacheai", "chat", "partial answer"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdout is not None
    seen: queue.Queue[bytes] = queue.Queue()
    threading.Thread(target=lambda: seen.put(process.stdout.read(len(b"Echo: partial"))), daemon=True).start()
    try:
        assert seen.get(timeout=HANG_GUARD) == b"Echo: partial"
        assert process.poll() is None  # still waiting for the rest of the stream
    finally:
        process.kill()
        process.wait()
        process.stdout.close()


def test_complete(env: dict[str, str], server: FakeOpenAIServer) -> None:
    assert run_cli(["complete", "once upon", "--no-stream"], env=env).stdout == "Echo: once upon\n"
    assert run_cli(["complete", "once upon", "--max-tokens", "2"], env=env).stdout == "Echo: once\n"
    assert server.last_request.json() == {
        "model": "gpt-4o-mini",
        "prompt": "once upon",
        "stream": True,
        "max_tokens": 2,
    }


def test_models(env: dict[str, str]) -> None:
    result = run_cli(["models"], env=env)
    assert result.stdout.splitlines() == ["gpt-4o-mini", "gpt-4o", "text-embedding-3-small", "fake-model"]
    as_json = [json.loads(line) for line in run_cli(["models", "--json"], env=env).stdout.splitlines()]
    assert as_json[0]["object"] == "model"


def test_embed(env: dict[str, str], server: FakeOpenAIServer) -> None:
    result = run_cli(["embed", "alpha", "beta", "--dimensions", "3"], env=env)
    lines = result.stdout.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [["alpha", "3 dimensions"], ["beta", "3 dimensions"]]
    assert server.last_request.json()["dimensions"] == 3
    as_json = json.loads(run_cli(["embed", "alpha", "--json", "--dimensions", "2"], env=env).stdout)
    assert len(as_json["data"][0]["embedding"]) == 2


def test_options_and_environment_precedence(server: FakeOpenAIServer) -> None:
    with FakeOpenAIServer(api_key="right-key") as guarded:
        dead = "http://127.0.0.1:9/v1"
        env = clean_env(
            CACHEAI_BASE_URL=guarded.base_url,
            OPENAI_BASE_URL=dead,
            CACHEAI_API_KEY="right-key",
            OPENAI_API_KEY="wrong-key",
        )
        assert run_cli(["models"], env=env).returncode == 0
        assert guarded.last_request.headers["authorization"] == "Bearer right-key"
        fallback = clean_env(OPENAI_BASE_URL=guarded.base_url, OPENAI_API_KEY="right-key")
        assert run_cli(["models"], env=fallback).returncode == 0
        flags = ["--base-url", guarded.base_url, "--api-key", "right-key"]
        assert run_cli(["models", *flags], env=clean_env(CACHEAI_BASE_URL=dead)).returncode == 0
        assert run_cli([*flags, "models"], env=clean_env(CACHEAI_BASE_URL=dead)).returncode == 0
        wrong = run_cli(["models", "--api-key", "nope"], env=env)
        assert wrong.returncode == 1
        assert wrong.stderr.startswith("cacheai: error: HTTP 401: Incorrect API key provided")


def test_api_errors_print_one_line_and_exit_1(env: dict[str, str], server: FakeOpenAIServer) -> None:
    server.fail_next(1, 429, message="Slow down please")
    result = run_cli(["chat", "hi", "--max-retries", "0"], env=env)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("cacheai: error: HTTP 429: Slow down please (request id req_")


def test_connection_errors_print_one_line(env: dict[str, str]) -> None:
    with FakeOpenAIServer() as stopped:
        url = stopped.base_url
    result = run_cli(["models", "--base-url", url, "--max-retries", "0"], env=env)
    assert result.returncode == 1
    assert result.stderr == f"cacheai: error: could not reach the server at {url}/models: Connection refused\n"


def test_timeouts_print_one_line(env: dict[str, str], server: FakeOpenAIServer) -> None:
    server.set_latency(30)
    result = run_cli(["models", "--timeout", "0.2", "--max-retries", "0"], env=env)
    assert result.returncode == 1
    assert result.stderr == "cacheai: error: the request timed out (raise --timeout?)\n"


def test_missing_key_for_openai_is_a_clear_error() -> None:
    result = run_cli(["models"], env=clean_env())
    assert result.returncode == 1
    assert result.stderr.startswith("cacheai: error: Missing credentials.")
    assert result.stderr.count("\n") == 1


def test_usage_errors_exit_2() -> None:
    result = run_cli(["chat"], env=clean_env())
    assert result.returncode == 2
    assert "the following arguments are required: prompt" in result.stderr


def start_serve_fake(*extra: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "cacheai", "serve-fake", "--port", "0", *extra],
        env=clean_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


def stop_serve_fake(process: subprocess.Popen[str]) -> int:
    process.terminate()
    code = process.wait(timeout=HANG_GUARD)
    for pipe in (process.stdout, process.stderr):
        if pipe is not None:
            pipe.close()
    return code


def test_serve_fake_prints_its_base_url_and_serves_until_terminated() -> None:
    process, base_url = start_serve_fake()
    try:
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v1")
        client = openai.OpenAI(base_url=base_url, api_key="any", max_retries=0)
        answer = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "ping"}])
        assert answer.choices[0].message.content == "Echo: ping"
        client.close()
    finally:
        assert stop_serve_fake(process) == 0


def test_serve_fake_can_require_a_key() -> None:
    process, base_url = start_serve_fake("--api-key", "sk-serve")
    try:
        with pytest.raises(cacheai.AuthenticationError):
            cacheai.CacheAI(base_url=base_url, api_key="sk-other", max_retries=0).models.list()
        assert cacheai.CacheAI(base_url=base_url, api_key="sk-serve").models.list().data
    finally:
        stop_serve_fake(process)


def test_demo_uses_the_fake_server_when_nothing_is_configured() -> None:
    result = run_cli(["demo"], env=clean_env(OPENAI_API_KEY="sk-not-used"))
    assert result.returncode == 0, result.stderr
    assert "built-in fake server" in result.stdout
    for step in ("models.list", "chat.completions.create", "stream=True", "completions.create", "embeddings"):
        assert step in result.stdout
    assert "Echo: Say hello to cacheai in five words." in result.stdout
    assert result.stdout.rstrip().endswith("All steps worked.")


def test_demo_runs_against_a_configured_server(env: dict[str, str], server: FakeOpenAIServer) -> None:
    result = run_cli(["demo"], env=env)
    assert result.returncode == 0, result.stderr
    assert f"cacheai demo against {server.base_url}" in result.stdout
    paths = [request.path for request in server.requests]
    assert paths == ["/v1/models", "/v1/chat/completions", "/v1/chat/completions", "/v1/completions", "/v1/embeddings"]


def test_demo_reports_failing_steps(env: dict[str, str], server: FakeOpenAIServer) -> None:
    server.fail_next(1, 404, message="no embeddings here", path="/embeddings")
    result = run_cli(["demo", "--max-retries", "0"], env=env)
    assert result.returncode == 1
    assert "failed: HTTP 404: no embeddings here" in result.stdout
    assert "1 step(s) failed." in result.stdout


def test_html_error_pages_are_flattened_to_one_line(env: dict[str, str], server: FakeOpenAIServer) -> None:
    page = "<html>\n<body>\n" + "Bad gateway " * 100 + "\n</body></html>"
    server.respond_next(502, page, content_type="text/html")
    result = run_cli(["models", "--max-retries", "0"], env=env)
    assert result.returncode == 1
    assert result.stderr.startswith("cacheai: error: HTTP 502: ")
    assert result.stderr.count("\n") == 1
    assert len(result.stderr) < 400


def test_chat_verbose_prints_the_record_on_stderr(env: dict[str, str]) -> None:
    for extra in ([], ["--no-stream"]):
        result = run_cli(["chat", "hi", "-v", *extra], env=env)
        assert result.stdout.strip() == "Echo: hi"
        line = result.stderr.strip().splitlines()[-1]
        assert "latency" in line and "tokens" in line and "cost $" in line and "request req_" in line


def test_chat_json_includes_the_record(env: dict[str, str]) -> None:
    plain = json.loads(run_cli(["chat", "hi", "--no-stream", "--json"], env=env).stdout)
    assert plain["choices"][0]["message"]["content"] == "Echo: hi"
    assert plain["cacheai_info"]["usage"]["total_tokens"] == plain["usage"]["total_tokens"]
    assert plain["cacheai_info"]["request_id"].startswith("req_")
    lines = [json.loads(line) for line in run_cli(["chat", "hi", "--json"], env=env).stdout.splitlines()]
    record = lines[-1]["cacheai_info"]
    assert record["complete"] is True and record["ttft_ms"] is not None
    assert record["usage"]["total_tokens"] == lines[-2]["usage"]["total_tokens"]
