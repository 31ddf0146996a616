"""Client construction: environment variables, base URL, credentials, validation, ``with_options``/``copy``."""

from __future__ import annotations

import subprocess
import sys

import pytest
import requests

import cacheai
from cacheai import Timeout

from ._helpers import API_KEY, BASE_URL, CHAT_URL, MESSAGES, Reply, ok, serve

# -- environment ---------------------------------------------------------------------------------------------


def test_openai_env_vars_are_read(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://env.test/v1")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-env")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-env")
    client = cacheai.CacheAI()
    assert client.api_key == "sk-env"
    assert client.base_url == "http://env.test/v1/"
    assert client.organization == "org-env"
    assert client.project == "proj-env"
    headers = client.default_headers
    assert headers["Authorization"] == "Bearer sk-env"
    assert headers["OpenAI-Organization"] == "org-env"
    assert headers["OpenAI-Project"] == "proj-env"


def test_cacheai_env_vars_win_over_openai_ones(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://openai-env.test/v1")
    monkeypatch.setenv("CACHEAI_API_KEY", "sk-cacheai")
    monkeypatch.setenv("CACHEAI_BASE_URL", "http://cacheai-env.test/v1")
    client = cacheai.CacheAI()
    assert client.api_key == "sk-cacheai"
    assert client.base_url == "http://cacheai-env.test/v1/"


def test_explicit_arguments_win_over_env(monkeypatch):
    monkeypatch.setenv("CACHEAI_API_KEY", "sk-env")
    monkeypatch.setenv("CACHEAI_BASE_URL", "http://env.test/v1")
    monkeypatch.setenv("OPENAI_ORG_ID", "org-env")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-env")
    client = cacheai.CacheAI(api_key="sk-arg", base_url="http://arg.test", organization="o", project="p")
    assert client.api_key == "sk-arg"
    assert client.base_url == "http://arg.test/"
    assert client.organization == "o"
    assert client.project == "p"


def test_base_url_none_falls_back_to_env(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://env.test/v1")
    assert cacheai.CacheAI(base_url=None).base_url == "http://env.test/v1/"


def test_explicit_empty_key_is_not_replaced_by_env(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    client = cacheai.CacheAI(api_key="", base_url=BASE_URL)
    assert client.api_key == ""
    assert "Authorization" not in client.default_headers


def test_default_base_url_is_openai(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    assert cacheai.CacheAI().base_url == "https://api.openai.com/v1/"


# -- credentials ---------------------------------------------------------------------------------------------


def test_missing_key_is_an_error_for_openai():
    with pytest.raises(cacheai.OpenAIError, match="Missing credentials"):
        cacheai.CacheAI()
    with pytest.raises(cacheai.OpenAIError, match="Missing credentials"):
        cacheai.CacheAI(base_url="https://api.openai.com/v1")
    with pytest.raises(cacheai.OpenAIError, match="Missing credentials"):
        cacheai.CacheAI(api_key="", base_url="https://api.openai.com/v1")
    with pytest.raises(cacheai.OpenAIError, match="Missing credentials"):
        cacheai.CacheAI(base_url="https://eu.api.openai.com/v1")  # data-residency hosts too


def test_missing_key_is_fine_for_other_servers(mock_api):
    client = cacheai.CacheAI(base_url="http://localhost:8000/v1")
    assert client.api_key == ""
    sent = serve(mock_api, "POST", "http://localhost:8000/v1/chat/completions", ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert "Authorization" not in sent[0].headers


def test_a_key_provider_satisfies_the_openai_check():
    client = cacheai.CacheAI(api_key=lambda: "sk-provided")
    assert client.api_key == ""  # like openai: filled in on the first request


# -- base_url ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("http://x/y", "http://x/y/"),
        ("http://x/y/", "http://x/y/"),
        ("http://localhost:8000", "http://localhost:8000/"),
        ("https://api.openai.com/v1", "https://api.openai.com/v1/"),
    ],
)
def test_base_url_gets_a_trailing_slash(given, stored):
    assert cacheai.CacheAI(api_key="k", base_url=given).base_url == stored


def test_base_url_setter_normalises_and_is_used(mock_api):
    client = cacheai.CacheAI(base_url="http://old.test/v1")
    client.base_url = "http://new.test/api"
    assert client.base_url == "http://new.test/api/"
    sent = serve(mock_api, "POST", "http://new.test/api/chat/completions", ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].url == "http://new.test/api/chat/completions"


@pytest.mark.parametrize("bad", ["localhost:8000", "ftp://x/y", "not a url"])
def test_invalid_base_url_is_a_value_error(bad):
    with pytest.raises(ValueError):
        cacheai.CacheAI(api_key="k", base_url=bad)


# -- max_retries / timeout validation ------------------------------------------------------------------------


def test_max_retries_none():
    with pytest.raises(TypeError) as info:
        cacheai.CacheAI(base_url=BASE_URL, max_retries=None)  # type: ignore[arg-type]
    assert str(info.value) == (
        "max_retries cannot be None. Use 0 to disable retries or a large integer for a larger retry budget."
    )


@pytest.mark.parametrize("value", ["2", 1.5])
def test_max_retries_not_an_int(value):
    with pytest.raises(TypeError) as info:
        cacheai.CacheAI(base_url=BASE_URL, max_retries=value)  # type: ignore[arg-type]
    assert str(info.value) == "max_retries must be a non-negative integer"


def test_max_retries_negative():
    with pytest.raises(ValueError) as info:
        cacheai.CacheAI(base_url=BASE_URL, max_retries=-1)
    assert str(info.value) == "max_retries must be a non-negative integer"


def test_max_retries_validated_in_copy(client):
    with pytest.raises(ValueError, match="non-negative"):
        client.with_options(max_retries=-1)
    with pytest.raises(TypeError, match="cannot be None"):
        client.with_options(max_retries=None)  # type: ignore[arg-type]


def test_defaults():
    client = cacheai.CacheAI(base_url=BASE_URL)
    assert client.max_retries == 2 == cacheai.DEFAULT_MAX_RETRIES
    assert client.timeout == Timeout(600, connect=5.0) == cacheai.DEFAULT_TIMEOUT


@pytest.mark.parametrize("bad", [-1, "10"])
def test_invalid_timeout(bad):
    with pytest.raises((TypeError, ValueError)):
        cacheai.CacheAI(base_url=BASE_URL, timeout=bad)


def test_http_client_must_be_a_session():
    with pytest.raises(TypeError, match="http_client"):
        cacheai.CacheAI(base_url=BASE_URL, http_client=object())  # type: ignore[arg-type]


def test_custom_session_is_used_and_its_headers_kept(mock_api):
    session = requests.Session()
    session.headers["X-From-Session"] = "yes"
    client = cacheai.CacheAI(base_url=BASE_URL, http_client=session)
    assert client.http_client is session
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].headers["X-From-Session"] == "yes"
    assert sent[0].headers["User-Agent"].startswith("CacheAI/Python")
    assert sent[0].headers["Accept"] == "application/json"


# -- with_options / copy -------------------------------------------------------------------------------------


def test_with_options_is_copy():
    assert cacheai.CacheAI.with_options is cacheai.CacheAI.copy


def test_copy_shares_the_session_and_keeps_options():
    client = cacheai.CacheAI(
        api_key="k", base_url=BASE_URL, organization="o", project="p", timeout=9, max_retries=4,
        default_headers={"X-A": "1"}, default_query={"q": "1"},
    )
    copy = client.copy()
    assert copy is not client
    assert copy.http_client is client.http_client
    assert (copy.api_key, copy.base_url, copy.organization, copy.project) == ("k", BASE_URL + "/", "o", "p")
    assert copy.timeout == 9
    assert copy.max_retries == 4
    assert copy.default_headers["X-A"] == "1"
    assert copy.default_query == {"q": "1"}


def test_with_options_overrides_without_touching_the_original(mock_api):
    client = cacheai.CacheAI(api_key="k", base_url=BASE_URL, max_retries=2)
    other = client.with_options(api_key="k2", timeout=3, max_retries=0, base_url="http://other.test/v1")
    assert (client.api_key, client.timeout, client.max_retries, client.base_url) == (
        "k", cacheai.DEFAULT_TIMEOUT, 2, BASE_URL + "/"
    )
    assert (other.api_key, other.timeout, other.max_retries, other.base_url) == (
        "k2", 3, 0, "http://other.test/v1/"
    )
    sent = serve(mock_api, "POST", "http://other.test/v1/chat/completions", Reply(503, body="busy"))
    with pytest.raises(cacheai.InternalServerError):
        other.chat.completions.create(model="m", messages=MESSAGES)
    assert len(sent) == 1  # max_retries=0
    assert sent[0].headers["Authorization"] == "Bearer k2"
    assert sent[0].timeout == (3, 3)


def test_with_options_timeout_none_means_no_timeout(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.with_options(timeout=None).chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].timeout is None


def test_default_headers_merge_and_set_default_headers_replace():
    client = cacheai.CacheAI(api_key="k", base_url=BASE_URL, default_headers={"X-A": "1", "X-B": "2"})
    merged = client.with_options(default_headers={"x-b": "3", "X-C": "4"})
    lowered = {k.lower(): v for k, v in merged.default_headers.items()}
    assert lowered["x-a"] == "1"
    assert lowered["x-b"] == "3"
    assert lowered["x-c"] == "4"
    assert [n.lower() for n in merged.default_headers].count("x-b") == 1
    replaced = client.with_options(set_default_headers={"X-C": "4"})
    assert "X-A" not in replaced.default_headers
    assert "X-B" not in replaced.default_headers
    assert replaced.default_headers["X-C"] == "4"
    # the SDK's own headers stay
    assert replaced.default_headers["Authorization"] == "Bearer k"
    assert client.default_headers["X-B"] == "2"


def test_default_query_merge_and_set_default_query_replace():
    client = cacheai.CacheAI(base_url=BASE_URL, default_query={"a": "1", "b": "2"})
    assert client.with_options(default_query={"b": "3"}).default_query == {"a": "1", "b": "3"}
    assert client.with_options(set_default_query={"c": "4"}).default_query == {"c": "4"}
    assert client.default_query == {"a": "1", "b": "2"}


def test_headers_and_set_headers_together_is_a_value_error(client):
    with pytest.raises(ValueError) as info:
        client.with_options(default_headers={"a": "b"}, set_default_headers={"c": "d"})
    assert str(info.value) == "The `default_headers` and `set_default_headers` arguments are mutually exclusive"
    with pytest.raises(ValueError) as info:
        client.with_options(default_query={"a": "b"}, set_default_query={"c": "d"})
    assert str(info.value) == "The `default_query` and `set_default_query` arguments are mutually exclusive"


def test_copy_does_not_close_the_shared_session(client):
    copy = client.with_options(timeout=1)
    del copy
    assert not client.is_closed()


def test_close_and_context_manager():
    with cacheai.CacheAI(base_url=BASE_URL) as client:
        assert not client.is_closed()
    assert client.is_closed()


def test_client_alias():
    assert issubclass(cacheai.Client, cacheai.CacheAI)  # 0.2.0's constructor on top (see tests/service)


# -- callable api_key ----------------------------------------------------------------------------------------


def test_key_provider_is_called_before_every_attempt_including_retries(mock_api):
    calls: list[int] = []

    def provider() -> str:
        calls.append(1)
        return f"sk-rotated-{len(calls)}"

    client = cacheai.CacheAI(api_key=provider, base_url=BASE_URL)
    sent = serve(
        mock_api, "POST", CHAT_URL, Reply(503, body="busy"), requests.exceptions.ConnectionError("reset"), ok(), ok()
    )
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert [s.headers["Authorization"] for s in sent] == [
        "Bearer sk-rotated-1", "Bearer sk-rotated-2", "Bearer sk-rotated-3"
    ]
    assert client.api_key == "sk-rotated-3"
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert sent[3].headers["Authorization"] == "Bearer sk-rotated-4"


def test_key_provider_is_inherited_by_copies(mock_api):
    keys = iter(["a", "b"])
    client = cacheai.CacheAI(api_key=lambda: next(keys), base_url=BASE_URL)
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.with_options(timeout=5).chat.completions.create(model="m", messages=MESSAGES)
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert [s.headers["Authorization"] for s in sent] == ["Bearer a", "Bearer b"]


def test_key_provider_returning_a_non_string_is_an_openai_error(mock_api):
    client = cacheai.CacheAI(api_key=lambda: 123, base_url=BASE_URL)  # type: ignore[arg-type,return-value]
    serve(mock_api, "POST", CHAT_URL, ok())
    with pytest.raises(cacheai.OpenAIError):
        client.chat.completions.create(model="m", messages=MESSAGES)


def test_explicit_authorization_header_beats_the_provider(mock_api):
    client = cacheai.CacheAI(api_key=lambda: "from-provider", base_url=BASE_URL)
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES, extra_headers={"Authorization": "Bearer mine"})
    assert sent[0].headers["Authorization"] == "Bearer mine"


def test_api_key_setter_changes_the_header(mock_api):
    client = cacheai.CacheAI(api_key=API_KEY, base_url=BASE_URL)
    client.api_key = "sk-new"
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].headers["Authorization"] == "Bearer sk-new"


def test_resources_are_cached_per_client(client):
    assert client.chat is client.chat
    assert client.chat.completions is client.chat.completions


def test_a_plain_client_loads_no_optional_layer() -> None:
    """Constructing a client configured with no cache, keys, sessions or batch config imports none of them."""
    script = (
        "import os, sys\n"
        "os.environ.pop('CACHEAI_CACHE', None)\n"
        "from cacheai import CacheAI\n"
        "before = set(sys.modules)\n"
        "client = CacheAI(base_url='http://127.0.0.1:9/v1', api_key='sk-one')\n"
        "client.with_options(timeout=5)\n"
        "loaded = sorted(m for m in set(sys.modules) - before if m.startswith(('cacheai', 'pydantic')))\n"
        "assert loaded == [], loaded\n"
        "assert client.batch_config.max_batch_size == 50_000\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
