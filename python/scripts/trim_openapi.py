"""Trim OpenAI's OpenAPI spec (Prism-ready JSON) to the operations cacheai's resources call, for the test data.

Keeps the paths whose first segment is one of ``KEPT_RESOURCES`` and every component they reference (followed
transitively through ``$ref``). What only documents is emptied or dropped: ``description`` and ``summary``
texts become ``""``, the ``x-oai*`` extensions, ``tags`` and ``webhooks`` go. Schemas and examples stay as
they are, so Prism validates and answers as with the whole spec. The spec's order is kept (Prism matches
paths in that order) and the output is compact: a re-run on the same input gives the same bytes.

Input: the Prism-ready JSON form of openai/openai-openapi's ``openapi.yaml`` (the 24 ``nullable`` schemas
without a ``type`` already rewritten; see ``python/tests/integration/data/README.md``).

Usage: python trim_openapi.py INPUT.json OUTPUT.json
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

KEPT_RESOURCES = (
    "audio",
    "batches",
    "chat",
    "completions",
    "embeddings",
    "files",
    "fine_tuning",
    "images",
    "models",
    "moderations",
    "responses",
    "uploads",
    "vector_stores",
)
_REF_PREFIX = "#/components/"


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_REF_PREFIX):
            yield ref
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _without_docs(node: Any) -> Any:
    if isinstance(node, dict):
        # Texts become "" rather than go: a response object without its (required) description makes Prism
        # skip it and answer another declared status.
        return {
            key: "" if key in ("description", "summary") and isinstance(value, str) else _without_docs(value)
            for key, value in node.items()
            if not key.startswith("x-oai")
        }
    if isinstance(node, list):
        return [_without_docs(item) for item in node]
    return node


def trim(spec: dict[str, Any]) -> dict[str, Any]:
    paths = {
        path: operations
        for path, operations in spec["paths"].items()
        if path.split("/")[1].split("?")[0] in KEPT_RESOURCES
    }
    components: dict[str, dict[str, Any]] = {}
    pending = list(_refs(paths))
    while pending:
        ref = pending.pop()
        section, name = ref[len(_REF_PREFIX) :].split("/", 1)
        kept = components.setdefault(section, {})
        if name in kept:
            continue
        kept[name] = spec["components"][section][name]
        pending.extend(_refs(kept[name]))
    if "securitySchemes" in spec["components"]:
        components["securitySchemes"] = spec["components"]["securitySchemes"]
    trimmed = {key: spec[key] for key in ("openapi", "info", "servers", "security") if key in spec}
    trimmed["paths"] = paths
    trimmed["components"] = components
    result: dict[str, Any] = _without_docs(trimmed)
    return result


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(f"usage: {argv[0]} INPUT.json OUTPUT.json", file=sys.stderr)
        return 2
    spec = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    trimmed = trim(spec)
    Path(argv[2]).write_text(json.dumps(trimmed, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    kept = sum(len(section) for section in trimmed["components"].values())
    print(f"kept {len(trimmed['paths'])} of {len(spec['paths'])} paths and {kept} components", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
