"""The README's servers x features table must be exactly what the integration tests prove (see compat_table.py)."""

from __future__ import annotations

from compat_table import (
    END_MARKER,
    FEATURES,
    NOT_APPLICABLE,
    SERVERS,
    START_MARKER,
    compat_cells,
    render_table,
    table_in,
)
from server_process import REPO_ROOT

README = REPO_ROOT / "README.md"


def test_every_compat_marker_names_a_known_server_and_feature() -> None:
    cells = compat_cells()
    assert cells, "no @pytest.mark.compat tests found"
    unknown = {cell: tests for cell, tests in cells.items() if cell[0] not in SERVERS or cell[1] not in FEATURES}
    assert not unknown, f"add these to compat_table.SERVERS/FEATURES or fix the marker: {unknown}"


def test_no_cell_is_both_tested_and_not_applicable() -> None:
    contradictions = set(compat_cells()) & set(NOT_APPLICABLE)
    assert not contradictions, f"tested cells still marked n/a in compat_table.NOT_APPLICABLE: {contradictions}"


def test_every_feature_is_proven_somewhere() -> None:
    cells = compat_cells()
    unproven = [feature for feature in FEATURES if not any((server, feature) in cells for server in SERVERS)]
    assert not unproven, f"features listed in the table that no server test proves: {unproven}"


def test_readme_table_matches_the_tests() -> None:
    expected = render_table()
    pasteable = f"{START_MARKER}\n{expected}\n{END_MARKER}"
    assert README.exists(), f"{README} is missing; it must carry the compatibility table:\n{pasteable}"
    found = table_in(README.read_text(encoding="utf-8"))
    assert found is not None, f"README.md has no compatibility table between the markers; paste:\n{pasteable}"
    assert found == expected, f"README.md's compatibility table is out of date; replace it with:\n{pasteable}"
