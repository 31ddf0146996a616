"""The reference openai version: the one setting, the ``openai==X.Y.Z`` pin in pyproject.toml's ``test`` extra.

The type generator (``scripts/gen_types``) and the test suite read it from here; following a new openai release is
a change of that one line, then ``pip install -e '.[test]'``, ``bash scripts/gen_types/install.sh`` and the tests.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
_PIN = re.compile(r'^\s*"openai==([0-9][0-9A-Za-z.]*)"', re.MULTILINE)


def reference_version() -> str:
    """The openai version pinned in pyproject.toml's test extra."""
    found = _PIN.findall(PYPROJECT.read_text(encoding="utf-8"))
    if len(found) != 1:
        raise RuntimeError(f'{PYPROJECT}: expected exactly one "openai==X.Y.Z" pin, found {len(found)}')
    return str(found[0])


def check_installed() -> str:
    """The reference version, after checking that the installed openai is that version (else a clear error)."""
    wanted = reference_version()
    installed = metadata.version("openai")
    if installed != wanted:
        raise RuntimeError(
            f"openai {installed} is installed but the reference is {wanted} (pyproject.toml's test extra): "
            "run pip install -e '.[test]'"
        )
    return wanted


if __name__ == "__main__":
    print(reference_version())
