"""Post-pass of the generator: a module that repeats a ``shared/`` module of type aliases re-exports it instead.

openai keeps ``types/chat_model.py`` as a re-export of ``types/shared/chat_model.py``; the generator writes each
module from its runtime schema, so identical alias-only modules come out as copies. Modules defining classes are
left alone: a class's identity matters (``isinstance``), an alias's does not.

Usage: python dedupe_aliases.py OUT/cacheai/types
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def _body_key(source: str) -> tuple[str, bool, list[str]] | None:
    tree = ast.parse(source)
    body = [n for n in tree.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    if any(isinstance(n, ast.ClassDef) for n in body):
        return None
    names: list[str] = []
    for node in body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            names = [e.value for e in node.value.elts if isinstance(e, ast.Constant)]  # type: ignore[attr-defined]
    return ast.dump(ast.Module(body=body, type_ignores=[])), True, names


def main(types_dir: Path) -> None:
    shared = {}
    for path in sorted((types_dir / "shared").glob("*.py")):
        if path.name != "__init__.py" and (key := _body_key(path.read_text())):
            shared[key[0]] = path
    for path in sorted(types_dir.rglob("*.py")):
        if path.name == "__init__.py" or path.parent.name == "shared":
            continue
        key = _body_key(path.read_text())
        if key is None or key[0] not in shared:
            continue
        home = shared[key[0]]
        depth = len(path.relative_to(types_dir).parts) - 1
        module = "." * (depth + 1) + "shared." + home.stem
        names = ", ".join(key[2])
        path.write_text(
            f'"""Re-exported from ``cacheai.types.shared.{home.stem}`` (one definition, as in openai)."""\n\n'
            f"from {module} import {names}\n\n__all__ = {key[2]!r}\n"
        )
        print(f"{path.relative_to(types_dir)} -> shared/{home.name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
