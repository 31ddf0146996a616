"""``cacheai cache stats|clear|path``: the command's logic (``cli.py`` only registers it)."""

from __future__ import annotations

import argparse
import json
import os

from ._resolve import ENV, open_store
from ._sqlite import default_path

__all__ = ["add_cache_command"]


def add_cache_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cache = commands.add_parser(
        "cache",
        help="show, clear or locate the response cache",
        description=f"The cache named by --cache, else ${ENV}, else the default SQLite file ({default_path()}).",
    )
    cache.add_argument("action", choices=["stats", "clear", "path"])
    cache.add_argument("--cache", help="a cache URL: sqlite:///path.db or redis://host:6379/0")
    cache.set_defaults(run=run_cache_command)


def _spec(args: argparse.Namespace) -> str:
    spec: str = args.cache or os.environ.get(ENV) or "sqlite"
    if spec in ("memory", "true", "1", "on"):
        spec = "sqlite"  # a process's memory cache is gone with it: the persistent default is what is meant
    return spec


def run_cache_command(args: argparse.Namespace) -> int:
    spec = _spec(args)
    if args.action == "path":
        print(
            spec[len("sqlite://") :] if spec.startswith("sqlite://") else default_path() if spec == "sqlite" else spec
        )
        return 0
    store = open_store(spec)
    if args.action == "clear":
        print(f"removed {store.clear()} entries")
    else:
        print(json.dumps(store.stats(), indent=2))
    return 0
