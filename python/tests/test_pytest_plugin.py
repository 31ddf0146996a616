"""The pytest plugin: registered through the ``pytest11`` entry point, light to import, fixtures that work."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest

pytest_plugins = ["pytester"]


def test_the_plugin_is_registered_as_a_pytest11_entry_point() -> None:
    plugins = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert plugins.get("cacheai") == "cacheai.testing.pytest_plugin"


def test_importing_the_plugin_does_not_load_the_server() -> None:
    probe = (
        "import sys, cacheai.testing.pytest_plugin\n"
        "print(sorted(m for m in ('cacheai.testing._server', 'http.server', 'socketserver') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "[]"


def test_fixtures_give_a_fresh_server_and_a_client_per_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import socket

        import pytest

        import cacheai
        from cacheai.testing import FakeOpenAIServer

        PORTS = []

        def test_client_talks_to_the_fake_server(fake_openai, cacheai_client):
            assert isinstance(fake_openai, FakeOpenAIServer)
            assert isinstance(cacheai_client, cacheai.CacheAI)
            fake_openai.set_reply("scripted")
            answer = cacheai_client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": "hi"}]
            )
            assert answer.choices[0].message.content == "scripted"
            assert fake_openai.last_request.headers["authorization"].startswith("Bearer ")
            PORTS.append(fake_openai.port)

        def test_the_previous_server_was_stopped_and_this_one_is_fresh(fake_openai):
            assert fake_openai.requests == []
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection(("127.0.0.1", PORTS[0]), timeout=5).close()
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_the_client_fixture_is_closed_after_the_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        CLIENTS = []

        def test_use(cacheai_client):
            CLIENTS.append(cacheai_client)
            assert not cacheai_client.is_closed()

        def test_closed():
            assert CLIENTS[0].is_closed()
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_fixtures_are_listed_with_their_docs(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--fixtures", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["*fake_openai*", "*fake OpenAI-compatible server*", "*cacheai_client*"])
