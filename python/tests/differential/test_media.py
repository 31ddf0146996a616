"""Moderations, images and audio through openai and cacheai: same wire (multipart forms included), same
parsed results (text formats as ``str``, binary bodies as bytes), same errors."""

from __future__ import annotations

import pytest
from differential_harness import Scenario
from media_scenarios import MEDIA_SCENARIOS
from recording_server import RecordingServer
from test_openai_vs_cacheai import both, server  # noqa: F401  (the module-scoped recording server)


def test_there_are_at_least_12_media_scenarios() -> None:
    names = [scenario.name for scenario in MEDIA_SCENARIOS]
    assert len(set(names)) == len(names) >= 12


@pytest.mark.parametrize("scenario", MEDIA_SCENARIOS, ids=lambda scenario: scenario.name)
def test_same_wire_same_result_same_error(server: RecordingServer, scenario: Scenario) -> None:  # noqa: F811
    expected, actual = both(server, scenario)
    assert expected.requests, "the scenario sent nothing"
    assert actual.requests == expected.requests, "different requests on the wire"
    assert actual.result == expected.result, "different parsed result"
    assert actual.error == expected.error, "different exception"
