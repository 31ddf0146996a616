"""The framework tests run in their own venv (requirements.txt here, .ci/run); elsewhere they are not collected."""

from __future__ import annotations

import importlib.util

collect_ignore_glob = (
    [] if all(importlib.util.find_spec(name) for name in ("instructor", "outlines")) else ["test_*.py"]
)
