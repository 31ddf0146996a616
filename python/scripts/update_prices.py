"""Regenerate ``src/cacheai/data/prices.json`` (OpenAI's per-token prices) from the genai-prices wheel on PyPI.

Run by hand, never in CI or at import: ``python scripts/update_prices.py [--version X.Y.Z] [--wheel PATH]``.
It downloads the wheel with ``pip download --no-deps`` (unless ``--wheel`` is given), reads the bundled
``genai_prices/data.py`` as a syntax tree without importing it (so neither genai-prices nor its httpx2 dependency
is installed), keeps the OpenAI models whose whole price is per text token, and writes our compact table with the
source (package and version) and the date it was taken.

What is kept, per model (USD per million tokens): ``input``, ``cached_input``, ``output``; ``batch_discount`` when
the source's Batch price is the same fraction of the standard input and output price; ``tiers`` (``flex``,
``priority``...) as full prices; ``max_prompt_tokens`` when the source charges more above a prompt size (the table
gives only the price below it). Prices that changed over time keep the one in force on the day the table is taken.
Models priced also per audio or image token, or per cache write, are listed under ``excluded`` with the reason.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

PACKAGE = "genai-prices"
DATA_MEMBER = "genai_prices/data.py"
TARGET = Path(__file__).resolve().parents[1] / "src" / "cacheai" / "data" / "prices.json"
TOKEN_KEYS = {"input_mtok": "input", "cache_read_mtok": "cached_input", "output_mtok": "output"}
# Per-call charges that usage does not report; the token prices of such models are still right.
IGNORED_KEYS = {"web_searches_kcount", "storage_searches_kcount", "__t"}
STANDARD_TIERS = {"default"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", help=f"the {PACKAGE} version to download (default: the latest)")
    parser.add_argument("--wheel", type=Path, help=f"an already downloaded {PACKAGE} wheel")
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args()
    retrieved = datetime.date.today()
    with tempfile.TemporaryDirectory() as scratch:
        wheel = args.wheel or download(args.version, Path(scratch))
        version = wheel.name.split("-")[1]
        with zipfile.ZipFile(wheel) as archive:
            source = archive.read(DATA_MEMBER).decode()
    provider = openai_provider(source)
    models, aliases, excluded = convert(provider["models"], retrieved)
    table = {
        "source": f"{PACKAGE} {version} (PyPI wheel, {DATA_MEMBER}, provider 'openai')",
        "source_urls": provider.get("pricing_urls", []),
        "retrieved": retrieved.isoformat(),
        "unit": "USD per 1M tokens",
        "models": models,
        "aliases": aliases,
        "excluded": excluded,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n")
    print(f"{args.output}: {len(models)} models, {len(aliases)} aliases, {len(excluded)} excluded ({table['source']})")


def download(version: str | None, into: Path) -> Path:
    spec = f"{PACKAGE}=={version}" if version else PACKAGE
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-d", str(into), spec]
    subprocess.run(command, check=True)
    (wheel,) = into.glob("genai_prices-*.whl")
    return wheel


def openai_provider(source: str) -> dict[str, Any]:
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "providers":
            assert node.value is not None
            for provider in literal(node.value):
                if provider["id"] == "openai":
                    return dict(provider)
    raise SystemExit(f"no 'openai' provider in {DATA_MEMBER}: the source's layout changed, update this script")


def literal(node: ast.expr) -> Any:
    """The data file's constructor calls as plain dicts (``{"__t": "ModelPrice", ...}``); nothing is executed."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [literal(item) for item in node.elts]
    if isinstance(node, ast.Dict):
        return {literal(k): literal(v) for k, v in zip(node.keys, node.values, strict=True) if k is not None}
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -literal(node.operand)
    if isinstance(node, ast.Attribute):
        return ast.unparse(node)
    if isinstance(node, ast.Call):
        name = ast.unparse(node.func)
        args = [literal(arg) for arg in node.args]
        if name == "Decimal":
            return float(args[0])
        if name == "datetime.date":
            return datetime.date(*args)
        fields: dict[str, Any] = {"__t": name, **{k.arg: literal(k.value) for k in node.keywords if k.arg}}
        if args:
            fields["__args"] = args
        return fields
    raise SystemExit(f"unexpected syntax in {DATA_MEMBER}: {ast.unparse(node)[:80]}")


def convert(infos: list[dict[str, Any]], today: datetime.date) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    models: dict[str, Any] = {}
    aliases: dict[str, str] = {}
    excluded: dict[str, str] = {}
    for info in infos:
        model_id = info["id"].lower()
        if model_id.endswith("-"):  # a prefix rule (fine-tuned models), never an exact model name
            excluded[model_id] = "matched by prefix only"
            continue
        base = in_force(info["prices"], today)
        entry, problem = token_prices(base)
        if problem:
            excluded[model_id] = problem
            continue
        for variant in info.get("price_variants") or []:
            if not started(variant.get("constraint"), today):
                continue
            merged, problem = token_prices({**base, **variant["prices"]})
            if problem:
                continue
            when = variant["when"]
            if when == {"processing": "batch"}:
                discount = batch_discount(entry, merged)
                if discount is not None:
                    entry["batch_discount"] = discount
            elif set(when) == {"service_tier"} and when["service_tier"] not in STANDARD_TIERS:
                tier = {k: v for k, v in merged.items() if k != "max_prompt_tokens"}
                entry.setdefault("tiers", {})[when["service_tier"]] = tier
        models[model_id] = entry
        for name in equals_names(info["match"]):
            if name != model_id:
                aliases[name] = model_id
    for name in list(aliases):
        if name in models:  # a model of its own wins over another's alias
            del aliases[name]
    return dict(sorted(models.items())), dict(sorted(aliases.items())), dict(sorted(excluded.items()))


def in_force(prices: Any, today: datetime.date) -> dict[str, Any]:
    """The price in force on ``today``: the last conditional price that has started (the source's own rule)."""
    if isinstance(prices, dict):
        return prices
    current = None
    for conditional in prices:
        if started(conditional.get("constraint"), today):
            current = conditional["prices"]
    if current is None:
        raise SystemExit("a model has no price in force today")
    return dict(current)


def started(constraint: dict[str, Any] | None, today: datetime.date) -> bool:
    if constraint is None:
        return True
    if constraint.get("__t") == "StartDateConstraint":
        return bool(constraint["start_date"] <= today)
    return False  # time-of-day prices (off-peak) are not modelled


def token_prices(price: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    unknown = sorted(set(price) - set(TOKEN_KEYS) - IGNORED_KEYS)
    if unknown:
        return {}, "also priced by " + ", ".join(unknown)
    if "input_mtok" not in price:
        return {}, "no input token price"
    entry: dict[str, Any] = {}
    thresholds = set()
    for key, ours in TOKEN_KEYS.items():
        value = price.get(key)
        if isinstance(value, dict):  # TieredPrices: the base price holds below the first tier
            thresholds.add(min(tier["start"] for tier in value["tiers"]))
            value = value["base"]
        if value is not None:
            entry[ours] = value
    if "output" not in entry:
        entry["output"] = 0.0  # embeddings: no output tokens exist to be billed
    if thresholds:
        entry["max_prompt_tokens"] = min(thresholds)
    return entry, None


def batch_discount(standard: dict[str, Any], batch: dict[str, Any]) -> float | None:
    ratios = {round(1 - batch[k] / standard[k], 6) for k in ("input", "output") if standard.get(k)}
    return ratios.pop() if len(ratios) == 1 else None


def equals_names(clause: dict[str, Any]) -> list[str]:
    kind = clause.get("__t")
    if kind == "ClauseEquals":
        return [str(clause["equals"]).lower()]
    if kind == "ClauseOr":
        return [name for sub in clause["or_"] for name in equals_names(sub)]
    return []  # prefixes and patterns: dated snapshots are matched by cacheai's own suffix rule


if __name__ == "__main__":
    main()
