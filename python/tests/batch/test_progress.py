"""``progress=True``: a tqdm bar when the ``progress`` extra is installed, a periodic stderr line otherwise."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

import cacheai
from cacheai.batch._progress import ProgressReporter
from cacheai.testing import FakeOpenAIServer


@pytest.fixture
def client() -> Iterator[cacheai.CacheAI]:
    with FakeOpenAIServer() as server, cacheai.CacheAI(base_url=server.base_url, default_model="m") as made:
        yield made


@pytest.fixture
def without_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [name for name in sys.modules if name == "tqdm" or name.startswith("tqdm.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "tqdm", None)  # `import tqdm...` now raises ImportError
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_with_tqdm_a_bar_counts_the_prompts(client: cacheai.CacheAI, capsys: pytest.CaptureFixture[str]) -> None:
    import tqdm.auto  # noqa: F401  (installed by the test extra: missing, the test fails rather than skips)

    client.batch_generate(["a", "b", "c"], progress=True)
    err = capsys.readouterr().err
    assert "3/3" in err and "failed=0" in err and "cached=0" in err
    assert "cacheai batch:" not in err  # not the plain line


def test_without_tqdm_a_plain_line(
    client: cacheai.CacheAI, capsys: pytest.CaptureFixture[str], without_tqdm: None
) -> None:
    client.batch_generate(["a", "b"], progress=True)
    assert capsys.readouterr().err.splitlines()[-1].startswith("cacheai batch: 2/2 prompts (0 failed, 0 cached)")


def test_the_plain_line_is_periodic_and_ends_with_a_last_one(
    capsys: pytest.CaptureFixture[str], without_tqdm: None
) -> None:
    clock = Clock()
    reporter = ProgressReporter(10, None, True, clock=clock)
    for step in range(10):
        clock.now = step * 0.5  # a prompt every half second: a line every 2 s
        reporter.record(object())
    reporter.close()
    lines = capsys.readouterr().err.splitlines()
    assert [line.split()[2] for line in lines] == ["5/10", "9/10", "10/10"]


def test_tqdm_is_imported_only_when_a_bar_is_shown() -> None:
    script = (
        "import sys, cacheai\n"
        "from cacheai.testing import FakeOpenAIServer\n"
        "with FakeOpenAIServer() as s, cacheai.CacheAI(base_url=s.base_url, default_model='m') as c:\n"
        "    c.batch_generate(['a'], progress_callback=lambda p: None)\n"
        "    print('tqdm' in sys.modules)\n"
        "    c.batch_generate(['a'], progress=True)\n"
        "    print('tqdm' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split() == ["False", "True"]
