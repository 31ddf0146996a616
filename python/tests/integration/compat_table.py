"""The README's compatibility table (servers x features), generated from the integration tests themselves.

A cell is ticked only when a test in ``tests/integration/test_*.py`` carries ``@pytest.mark.compat(FEATURE)``
in a module whose ``COMPAT_SERVER`` names that server; CI runs those tests, so a tick means "proven on every
change". ``test_compat_table.py`` checks that the table in the README is exactly this one.
Print the table with: ``python tests/integration/compat_table.py``.
"""

from __future__ import annotations

import ast
from pathlib import Path

INTEGRATION_DIR = Path(__file__).parent
START_MARKER = "<!-- compat-table:start -->"
END_MARKER = "<!-- compat-table:end -->"

SERVERS = ("Prism (OpenAI OpenAPI spec)", "LiteLLM proxy", "llama.cpp server")
FEATURES = (
    "Chat completion",
    "Chat streaming",
    "Streaming usage (include_usage)",
    "Legacy completions",
    "Completions streaming",
    "Models list and retrieve",
    "Embeddings",
    "Stored chat completions",
    "Files",
    "Batches",
    "Responses API",
    "Moderations",
    "Images",
    "Audio",
    "Fine-tuning jobs",
    "Uploads",
    "Vector stores",
    "Request parameters conform to the spec",
    "Control characters and byte-fallback text intact",
    "SSE comments (: ping) skipped",
    "401 → AuthenticationError",
    "429 → RateLimitError (Retry-After)",
    "400 error body → BadRequestError",
    "422 validation error → UnprocessableEntityError",
    "5xx error body → InternalServerError",
    "Unknown path → NotFoundError",
    "Mid-stream error event → APIError",
    "Empty-body stream → error",
    "Rate-limit headers in cacheai.info",
    "Response cache (chat and stream replayed)",
)
# Cells that cannot be tested on a server, with the reason shown in the table instead of a blank.
NOT_APPLICABLE = {
    ("Prism (OpenAI OpenAPI spec)", "Chat streaming"): "n/a: Prism cannot stream",
    ("Prism (OpenAI OpenAPI spec)", "Streaming usage (include_usage)"): "n/a: Prism cannot stream",
    ("Prism (OpenAI OpenAPI spec)", "Completions streaming"): "n/a: Prism cannot stream",
    ("llama.cpp server", "Streaming usage (include_usage)"): "n/a: ignored by the server (stream still works)",
    ("llama.cpp server", "Rate-limit headers in cacheai.info"): "n/a: the server sends none (`rate_limit` is None)",
}
TICK = "✅"
UNTESTED = "—"


def _compat_features(decorators: list[ast.expr]) -> list[str]:
    features = []
    for decorator in decorators:
        if (
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr == "compat"
            and decorator.args
            and isinstance(decorator.args[0], ast.Constant)
            and isinstance(decorator.args[0].value, str)
        ):
            features.append(decorator.args[0].value)
    return features


def _module_server(tree: ast.Module) -> str | None:
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(target, ast.Name) and target.id == "COMPAT_SERVER" for target in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    return None


def compat_cells(directory: Path = INTEGRATION_DIR) -> dict[tuple[str, str], list[str]]:
    """(server, feature) -> the tests proving it, read statically from the test modules."""
    cells: dict[tuple[str, str], list[str]] = {}
    for path in sorted(directory.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        server = _module_server(tree)
        if server is None:
            continue
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                for feature in _compat_features(node.decorator_list):
                    cells.setdefault((server, feature), []).append(f"{path.name}::{node.name}")
    return cells


def render_table(cells: dict[tuple[str, str], list[str]] | None = None) -> str:
    """The Markdown table (without the markers)."""
    cells = compat_cells() if cells is None else cells
    lines = ["| Feature | " + " | ".join(SERVERS) + " |", "|---|" + "---|" * len(SERVERS)]
    for feature in FEATURES:
        row = [
            TICK if (server, feature) in cells else NOT_APPLICABLE.get((server, feature), UNTESTED)
            for server in SERVERS
        ]
        lines.append(f"| {feature} | " + " | ".join(row) + " |")
    return "\n".join(lines)


def table_in(readme_text: str) -> str | None:
    """The table between the README's markers, or ``None`` when the markers are missing."""
    start = readme_text.find(START_MARKER)
    end = readme_text.find(END_MARKER)
    if start < 0 or end < start:
        return None
    return readme_text[start + len(START_MARKER) : end].strip()


if __name__ == "__main__":
    print(f"{START_MARKER}\n{render_table()}\n{END_MARKER}")
