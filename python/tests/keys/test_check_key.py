"""client.check_key() and `cacheai check` against the fake server (valid, invalid, rate-limited, unreachable)."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator

import pytest

from cacheai import CacheAI
from cacheai._keycheck import key_format_warnings
from cacheai._keys import fingerprint
from cacheai.cli import main
from cacheai.testing import FakeOpenAIServer

GOOD = "sk-good-key-0123456789abcdef"
OTHER = "sk-other-key-0123456789abcdef"


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(api_keys=[GOOD, OTHER]) as fake:
        yield fake


def test_valid_key_lists_models_and_rate_limits(server: FakeOpenAIServer) -> None:
    server.set_response_headers({"x-ratelimit-limit-requests": "500", "x-ratelimit-remaining-requests": "499"})
    result = CacheAI(base_url=server.base_url, api_key=GOOD).check_key()
    assert result.valid and result.status == "valid" and result.status_code == 200
    assert "gpt-4o-mini" in result.models
    assert result.rate_limit is not None and result.rate_limit.remaining_requests == 499
    assert result.fingerprint == fingerprint(GOOD)
    assert [(r.method, r.path) for r in server.requests] == [("GET", "/v1/models")]  # one cheap request


def test_invalid_key_carries_the_servers_message(server: FakeOpenAIServer) -> None:
    result = CacheAI(base_url=server.base_url, api_key="sk-wrong-key-0123456789abcdef").check_key()
    assert result.status == "invalid" and not result and result.status_code == 401
    assert result.message is not None and "Incorrect API key" in result.message
    assert len(server.requests) == 1  # never retried


def test_another_key_is_checked_through_the_same_client(server: FakeOpenAIServer) -> None:
    client = CacheAI(base_url=server.base_url, api_key=GOOD)
    server.revoke_key(OTHER)
    assert client.check_key(OTHER).status == "invalid"
    assert server.last_request.api_key == OTHER
    assert client.check_key().valid


def test_rate_limited_key_is_known_but_limited(server: FakeOpenAIServer) -> None:
    server.rate_limit_key(GOOD, 60)
    result = CacheAI(base_url=server.base_url, api_key=GOOD).check_key()
    assert result.status == "valid" and result.rate_limited and result.status_code == 429


def test_unreachable_server() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = CacheAI(base_url=f"http://127.0.0.1:{port}/v1", api_key=GOOD).check_key(timeout=5)
    assert result.status == "unreachable" and result.status_code is None and result.message


def test_key_pool_check_names_the_chosen_key(server: FakeOpenAIServer) -> None:
    result = CacheAI(base_url=server.base_url, api_key=[GOOD, OTHER]).check_key()
    assert result.valid and result.fingerprint == fingerprint(GOOD)


def test_format_warnings_for_copy_paste_errors(caplog: pytest.LogCaptureFixture) -> None:
    assert key_format_warnings(" sk-abc", openai=False)[0].startswith("the API key starts or ends with whitespace")
    assert any("quotes" in w for w in key_format_warnings('"sk-abc"', openai=False))
    assert any("Bearer" in w for w in key_format_warnings("Bearer sk-abc", openai=False))
    assert any("truncated" in w for w in key_format_warnings("sk-proj-abc123", openai=True))
    assert key_format_warnings("sk-" + "a" * 48, openai=True) == []
    # Other servers' keys of any shape are fine.
    assert key_format_warnings("lm-studio", openai=False) == []
    assert key_format_warnings("my_vllm_token", openai=False) == []


def test_format_warnings_do_not_reject_the_key(server: FakeOpenAIServer, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="cacheai"):
        result = CacheAI(base_url=server.base_url, api_key=f"{GOOD} ").check_key()
    assert result.status == "invalid"  # the server decided, not the format check
    assert server.last_request.api_key == f"{GOOD} "
    assert result.warnings and "whitespace" in result.warnings[0]
    assert GOOD not in caplog.text and "whitespace" in caplog.text
    broken = CacheAI(base_url=server.base_url, api_key=f"{GOOD}\n").check_key()
    assert broken.status == "invalid" and broken.message is not None and GOOD not in broken.message


def test_cli_check(server: FakeOpenAIServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--base-url", server.base_url, "--api-key", GOOD]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"valid: key {fingerprint(GOOD)} (HTTP 200)") and "gpt-4o-mini" in out
    assert GOOD not in out
    assert main(["check", "--base-url", server.base_url, "--api-key", "sk-nope", "--json"]) == 1
    record = json.loads(capsys.readouterr().out)
    assert record["status"] == "invalid" and record["status_code"] == 401
