"""Every script in ``examples/`` runs, in a subprocess, against the fake server (so the quickstart cannot rot)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cacheai.testing import FakeOpenAIServer

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
HANG_GUARD = 120  # seconds; only stops a broken example from hanging the suite

EXPECTED_OUTPUT = {
    "chat.py": ["Echo: Name one reason to write tests.", "[17 prompt + 7 completion tokens]"],
    "streaming.py": ["Echo: Count from one to five in words.", "[18 tokens]"],
    "tool_calls.py": ["The model calls get_weather(", "Final answer: The get_weather tool returned: "],
    "embeddings.py": ["3 vectors of 1536 dimensions", "Closest document: "],
    "cache_eval.py": [
        "run 1: 0/6 cached",
        "run 2: 6/6 cached, cost $0.000000",
        "sent [100, 101, 102]",
        "resumed: 3 sent to the server [103, 104, 105]",
        "every item reached the server exactly once: True",
    ],
    "rate_limited.py": ["500 requests, ", "; 0 refused by the server (429)", "0 in flight"],
    "sessions.py": ["Echo: Name one reason to write tests.", "Echo: And one more?", "Echo: Thanks!", "[7 messages, "],
    "knowledge_base.py": [
        "Indexed 3 documents",
        "Best match: refunds.md",
        "Uploaded 465 bytes in parts",
        "Fine-tuning succeeded: ft:gpt-4o-mini-2024-07-18:org-fake:support:",
    ],
    "error_handling.py": ["NotFoundError: status 404, code 'model_not_found', request id req_", "APIConnectionError: "],
}


def example_env(server: FakeOpenAIServer) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CACHEAI_"))}
    env["CACHEAI_BASE_URL"] = server.base_url
    return env


def test_every_script_has_an_expectation() -> None:
    scripts = {path.name for path in EXAMPLES.glob("*.py") if not path.name.startswith("test_")}
    assert scripts == set(EXPECTED_OUTPUT)


@pytest.mark.parametrize("script", sorted(EXPECTED_OUTPUT))
def test_example_runs_against_the_fake_server(script: str, server: FakeOpenAIServer) -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script)],
        env=example_env(server),
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for expected in EXPECTED_OUTPUT[script]:
        assert expected in result.stdout
    assert server.requests, "the example never reached the server"


def test_tool_call_example_sends_the_tool_result_back(server: FakeOpenAIServer) -> None:
    subprocess.run(
        [sys.executable, str(EXAMPLES / "tool_calls.py")],
        env=example_env(server),
        capture_output=True,
        timeout=HANG_GUARD,
        check=True,
    )
    final = server.requests_to("/chat/completions")[-1].json()
    assert [m["role"] for m in final["messages"]] == ["user", "assistant", "tool"]
    assert '"forecast": "sunny"' in final["messages"][-1]["content"]


def test_cache_example_the_server_sees_each_request_once(server: FakeOpenAIServer) -> None:
    subprocess.run(
        [sys.executable, str(EXAMPLES / "cache_eval.py")],
        env=example_env(server),
        capture_output=True,
        timeout=HANG_GUARD,
        check=True,
    )
    prompts = [r.json()["messages"][-1]["content"] for r in server.requests_to("/chat/completions")]
    # The evaluation's six questions once (its second run is all hits), the loop's six items once (three before
    # the kill, three after the resume).
    expected = [f"What is {n} + {n}?" for n in range(1, 7)] + [f"Item {n}" for n in range(100, 106)]
    assert sorted(prompts) == sorted(expected)


def test_the_fixture_example_passes_under_pytest() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLES / "test_with_fake_server.py")],
        cwd=EXAMPLES.parent,
        env={k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "CACHEAI_", "PYTEST_"))},
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout
