"""Run a directory of openai example scripts with openai and with cacheai against ``cacheai serve-fake``, and
print a table: does each run, and is cacheai's output the same as openai's?

    python scripts/openai_examples.py path/to/openai-python/examples [--timeout 30] [--all] [--json]

The examples are not part of this repository: download openai-python's ``examples/`` (or point at any directory
of scripts written for openai). Each script runs twice in a subprocess of this interpreter (which needs both
openai and cacheai installed), with ``OPENAI_BASE_URL`` set to a fresh fake server and ``OPENAI_API_KEY`` to a
dummy key: once as written, once with ``openai`` (and every ``openai.*`` module) imported as cacheai's, through
a ``sitecustomize`` import shim, so the script's own text is never changed. Outputs are compared after
replacing what differs from run to run (generated ids, timestamps, memory addresses).

Scripts that use the async client (``AsyncOpenAI``, ``asyncio``) are skipped unless ``--all`` is given:
cacheai is synchronous.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["Outcome", "Row", "find_examples", "main", "normalise", "run_example"]

SHIM = '''"""Written by cacheai's openai_examples.py: ``import openai`` (and ``openai.*``) gives cacheai's modules."""
import importlib
import importlib.abc
import importlib.util
import sys


class _OpenAIAsCacheAI(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path=None, target=None):
        if name == "openai" or name.startswith("openai."):
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        return importlib.import_module("cacheai" + spec.name[len("openai"):])

    def exec_module(self, module):
        pass


sys.meta_path.insert(0, _OpenAIAsCacheAI())
'''

_ASYNC = re.compile(r"\bAsyncOpenAI\b|\bAsyncAzureOpenAI\b|^\s*import asyncio|^\s*from asyncio\b", re.MULTILINE)
_VOLATILE = [
    (re.compile(r"\b0x[0-9a-f]{6,}\b"), "0x..."),  # memory addresses in reprs
    (re.compile(r"\b127\.0\.0\.1:[0-9]+"), "127.0.0.1:<port>"),  # each run has its own fake server
    (re.compile(r"\b([a-z]+(?:[-_][a-z]+)*[-_])[0-9a-zA-Z]{16,}\b"), r"\1<id>"),  # chatcmpl-..., resp_..., call_...
    (re.compile(r"\b1[0-9]{9}(?:\.[0-9]+)?\b"), "<time>"),  # Unix timestamps (2001-2286)
    (re.compile(r"\b[0-9]+\.[0-9]+ ?(?:s|ms|seconds)\b"), "<duration>"),
]


def normalise(output: str) -> str:
    """``output`` with what changes from run to run replaced by placeholders."""
    for pattern, replacement in _VOLATILE:
        output = pattern.sub(replacement, output)
    return output


@dataclass(frozen=True)
class Outcome:
    """One run of one script."""

    returncode: int | None  # None: timed out
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def summary(self) -> str:
        if self.returncode is None:
            return "timeout"
        if self.ok:
            return "runs"
        lines = [line.strip() for line in self.stderr.strip().splitlines() if line.strip()]
        return f"fails: {lines[-1][:90]}" if lines else f"exit {self.returncode}"


@dataclass(frozen=True)
class Row:
    example: str
    openai: Outcome
    cacheai: Outcome

    @property
    def same_output(self) -> bool:
        return self.openai.ok and self.cacheai.ok and normalise(self.openai.stdout) == normalise(self.cacheai.stdout)


def find_examples(directory: Path, *, include_async: bool = False) -> tuple[list[Path], list[Path]]:
    """The ``.py`` scripts under ``directory`` (sorted), and those skipped as async."""
    scripts: list[Path] = []
    skipped: list[Path] = []
    for path in sorted(directory.rglob("*.py")):
        if path.name.startswith("_") or any(part.startswith(".") for part in path.relative_to(directory).parts):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        (skipped if not include_async and _ASYNC.search(text) else scripts).append(path)
    return scripts, skipped


class FakeServer:
    """``cacheai serve-fake`` on a free port, in a subprocess; a fresh one per run keeps runs independent."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "cacheai", "serve-fake", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self._process.stdout is not None
        self.base_url = self._process.stdout.readline().strip()
        if not self.base_url.startswith("http"):
            self.close()
            raise RuntimeError(f"cacheai serve-fake did not print its base URL (got {self.base_url!r})")

    def close(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)

    def __enter__(self) -> FakeServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run_example(script: Path, *, base_url: str, shim_dir: Path | None, timeout: float) -> Outcome:
    """Run ``script`` (from its own directory, so its relative paths work) against ``base_url``; with
    ``shim_dir``, ``openai`` is cacheai."""
    env = {**os.environ, "OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": "sk-openai-examples"}
    env.pop("OPENAI_ORG_ID", None)
    if shim_dir is not None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(shim_dir), env.get("PYTHONPATH", "")) if p)
    try:
        done = subprocess.run(
            [sys.executable, script.name],
            cwd=script.parent,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        return Outcome(None, _text(exc.stdout), _text(exc.stderr))
    return Outcome(done.returncode, done.stdout, done.stderr)


def _text(value: bytes | str | None) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else (value or "")


def rows(scripts: list[Path], directory: Path, *, timeout: float) -> Iterator[Row]:
    with tempfile.TemporaryDirectory(prefix="cacheai-shim-") as shim:
        shim_dir = Path(shim)
        (shim_dir / "sitecustomize.py").write_text(SHIM, encoding="utf-8")
        for script in scripts:
            with FakeServer() as server:
                with_openai = run_example(script, base_url=server.base_url, shim_dir=None, timeout=timeout)
            with FakeServer() as server:
                with_cacheai = run_example(script, base_url=server.base_url, shim_dir=shim_dir, timeout=timeout)
            yield Row(str(script.relative_to(directory)), with_openai, with_cacheai)


def table(found: list[Row], skipped: list[str]) -> str:
    """The report, as a Markdown table and a count."""
    lines = ["| example | openai | cacheai | same output |", "|---|---|---|---|"]
    for row in found:
        same = "yes" if row.same_output else ("no" if row.openai.ok and row.cacheai.ok else "")
        lines.append(f"| {row.example} | {row.openai.summary()} | {row.cacheai.summary()} | {same} |")
    run_openai = [row for row in found if row.openai.ok]
    matched = [row for row in run_openai if row.same_output]
    lines.append("")
    lines.append(
        f"{len(found)} examples: {len(run_openai)} run with openai, "
        f"{sum(row.cacheai.ok for row in found)} with cacheai, "
        f"{len(matched)} of the {len(run_openai)} that run with openai give the same output with cacheai"
        + (f"; skipped as async: {', '.join(skipped)}" if skipped else "")
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", type=Path, help="a directory of example scripts (e.g. openai-python/examples)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per run (default 30)")
    parser.add_argument("--all", action="store_true", help="also run the scripts that use the async client")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON instead of a table")
    args = parser.parse_args(argv)
    directory = args.directory.resolve()
    if not directory.is_dir():
        parser.error(f"not a directory: {args.directory}")
    scripts, skipped = find_examples(directory, include_async=args.all)
    found = list(rows(scripts, directory, timeout=args.timeout))
    if args.json:
        print(json.dumps([{**asdict(row), "same_output": row.same_output} for row in found], indent=2))
    else:
        print(table(found, [str(path.relative_to(directory)) for path in skipped]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
