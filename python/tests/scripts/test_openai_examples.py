"""``scripts/openai_examples.py``: runs example scripts with openai and with cacheai (an import shim) against
``cacheai serve-fake`` and compares their outputs; tried on small scripts of our own (openai's examples are not
part of the repository)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

EXAMPLES = Path(__file__).parent / "openai_examples"
SCRIPT = Path(__file__).parents[2] / "scripts" / "openai_examples.py"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("openai_examples", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["openai_examples"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_async_scripts_are_skipped_unless_asked_for(tool: ModuleType) -> None:
    scripts, skipped = tool.find_examples(EXAMPLES)
    assert [p.name for p in scripts] == ["chat.py", "stream.py", "which_client.py"]
    assert [p.name for p in skipped] == ["async_chat.py"]
    scripts, skipped = tool.find_examples(EXAMPLES, include_async=True)
    assert len(scripts) == 4 and skipped == []


def test_each_script_runs_with_both_libraries_and_outputs_are_compared(tool: ModuleType) -> None:
    scripts, _ = tool.find_examples(EXAMPLES)
    rows = {row.example: row for row in tool.rows(scripts, EXAMPLES, timeout=60)}

    for name in ("chat.py", "stream.py"):
        assert rows[name].openai.ok and rows[name].cacheai.ok, (rows[name].openai.stderr, rows[name].cacheai.stderr)
        assert rows[name].same_output
    assert rows["stream.py"].cacheai.stdout.count("|") >= 3  # streamed piece by piece
    # The shim really swaps the library: the one script that prints it differs.
    assert (rows["which_client.py"].openai.stdout, rows["which_client.py"].cacheai.stdout) == ("openai\n", "cacheai\n")
    assert not rows["which_client.py"].same_output

    report = tool.table(list(rows.values()), ["async_chat.py"])
    assert "| which_client.py | runs | runs | no |" in report
    assert "3 examples: 3 run with openai, 3 with cacheai, 2 of the 3" in report
    assert report.endswith("skipped as async: async_chat.py")


def test_a_failing_script_shows_its_error(tool: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("raise SystemExit('no such model here')\n")
    with tool.FakeServer() as server:
        outcome = tool.run_example(tmp_path / "broken.py", base_url=server.base_url, shim_dir=None, timeout=60)
    assert not outcome.ok and outcome.summary() == "fails: no such model here"


def test_volatile_values_are_normalised(tool: ModuleType) -> None:
    first = "chatcmpl-3f2a9c0d1e4b5a6978c0d1e2 1764691200 <object at 0x7f3a67a5ea00> resp_abcdef0123456789abcdef01"
    second = "chatcmpl-aaaaaaaaaaaaaaaaaaaaaaaa 1764691299 <object at 0x7f0000000001> resp_0123456789abcdef01234567"
    assert tool.normalise(first) == tool.normalise(second)
    assert tool.normalise("Echo: hi 42") == "Echo: hi 42"
    # each run has its own fake server, so URLs it hands out (image URLs) differ by port
    assert tool.normalise("http://127.0.0.1:34871/fake-images/a.png") == tool.normalise(
        "http://127.0.0.1:4025/fake-images/a.png"
    )
