"""Fine-tuning jobs, uploads, vector stores and webhooks through openai and cacheai: same wire, same results."""

from __future__ import annotations

import pytest
from differential_harness import Scenario
from recording_server import RecordingServer
from storage_scenarios import STORAGE_SCENARIOS
from test_openai_vs_cacheai import both, server  # noqa: F401  (the module-scoped recording server)


def test_there_are_at_least_13_storage_scenarios() -> None:
    names = [scenario.name for scenario in STORAGE_SCENARIOS]
    assert len(set(names)) == len(names) >= 13


@pytest.mark.parametrize("scenario", STORAGE_SCENARIOS, ids=lambda scenario: scenario.name)
def test_same_wire_same_result(server: RecordingServer, scenario: Scenario) -> None:  # noqa: F811
    expected, actual = both(server, scenario)
    assert actual.requests == expected.requests, "different requests on the wire"
    assert actual.result == expected.result, "different result"
    assert actual.error == expected.error, "different exception"
