"""The reference openai is one setting: the ``openai==X.Y.Z`` pin of pyproject.toml's test extra."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import openai

_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "openai_reference.py"


def _reference_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("openai_reference", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("openai_reference", module)
    spec.loader.exec_module(module)
    return module


def test_installed_openai_is_the_pinned_reference() -> None:
    reference = _reference_module()
    assert reference.check_installed() == openai.__version__ == reference.reference_version()


def test_the_pin_is_the_only_mention_of_the_version_in_pyproject() -> None:
    text = (_SCRIPT.parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert text.count(openai.__version__) == 1
