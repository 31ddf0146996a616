"""Lazy package exports (PEP 562): a package's public names are imported when first used."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Collection, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, homes: Mapping[str, str], submodules: Collection[str] = ()
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module-level ``__getattr__`` and ``__dir__`` of ``package``, whose names live in ``homes``.

    ``homes`` maps each public name to the (relative) module defining it. Use it at the end of the package's
    ``__init__``: ``__getattr__, __dir__ = lazy_exports(__name__, {"Name": ".module", ...})``. ``submodules`` are
    subpackages reachable as attributes (``package.types``) before anything imported them.
    """
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None and name in submodules:
            return importlib.import_module(f"{package}.{name}")  # the import binds it in the namespace
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home, package), name)
        namespace[name] = value  # later lookups are plain attribute hits
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *homes, *submodules})

    return __getattr__, __dir__
