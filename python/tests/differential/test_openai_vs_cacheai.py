"""openai itself as the oracle: the same user code, run with ``openai.OpenAI`` and with ``cacheai.CacheAI``,
must put the same requests on the wire and give the same parsed results and the same exceptions.

The only exclusions are cacheai's deliberate differences (README, "Differences from openai"): no
``X-Stainless-*`` headers and its own ``User-Agent`` (those headers are not compared), and, for error bodies
that are not ``{"error": {"message": ...}}`` or ``{"message": ...}``, a message that adds the server's text
after ``Error code: N - `` (checked exactly, not skipped).
"""

from __future__ import annotations

from collections.abc import Iterator

import openai
import pytest
from differential_harness import Outcome, Scenario, run
from recording_server import RecordingServer
from scenarios import SCENARIOS

import cacheai


@pytest.fixture(scope="module")
def server() -> Iterator[RecordingServer]:
    recording = RecordingServer().start()
    yield recording
    recording.stop()


def both(server: RecordingServer, scenario: Scenario) -> tuple[Outcome, Outcome]:
    return run(server, scenario, openai.OpenAI), run(server, scenario, cacheai.CacheAI)


def test_there_are_at_least_40_distinct_scenarios() -> None:
    names = [scenario.name for scenario in SCENARIOS]
    assert len(set(names)) == len(names) >= 40


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.name)
def test_same_wire_same_result_same_error(server: RecordingServer, scenario: Scenario) -> None:
    expected, actual = both(server, scenario)

    assert actual.requests == expected.requests, "different requests on the wire"
    assert actual.result == expected.result, "different parsed result"
    if expected.error is None or actual.error is None:
        assert actual.error == expected.error, "only one client raised"
        return
    expected_error, actual_error = dict(expected.error), dict(actual.error)
    expected_message, actual_message = expected_error.pop("message"), actual_error.pop("message")
    assert actual_error == expected_error, "different exception"
    if scenario.message == "cacheai_adds_server_text":
        assert actual_message.startswith(f"{expected_message} - ") and len(actual_message) > len(expected_message) + 3
    else:
        assert actual_message == expected_message
