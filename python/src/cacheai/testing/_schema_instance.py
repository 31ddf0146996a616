"""A minimal instance of a JSON schema: what the fake server answers for ``response_format`` json_schema and
strict tools. Follows local ``$ref``s, takes the first variant of a union that does not recurse forever,
fills every required property, uses the user's text for strings (cut or padded to ``maxLength``/``minLength``)
and 1 for numbers unless their bounds exclude it (then the allowed value nearest to 1).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

__all__ = ["NoInstance", "minimal_instance"]


class NoInstance(ValueError):
    """The schema has no finite instance: a required value can only recurse into the definition holding it."""


class _Recursive(Exception):
    """A variant that only leads back into a definition already being filled."""


def minimal_instance(schema: object, text: str) -> Any:
    """A small value valid against ``schema`` (the schema's own root resolves its ``$ref``s).

    Raises ``NoInstance`` when no finite value is valid against it.
    """
    root = schema if isinstance(schema, Mapping) else {}
    try:
        return _instance(schema, root, text, ())
    except _Recursive:
        raise NoInstance(
            "Invalid schema: no finite value matches it (a required value can only recurse into itself)."
        ) from None


def _instance(schema: object, root: Mapping[str, Any], text: str, refs: tuple[str, ...]) -> Any:
    if not isinstance(schema, Mapping):
        return text
    ref = schema.get("$ref")
    if isinstance(ref, str):
        if ref in refs:
            raise _Recursive(ref)
        return _instance(
            {**_resolve(root, ref), **{k: v for k, v in schema.items() if k != "$ref"}}, root, text, (*refs, ref)
        )
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    for key in ("anyOf", "oneOf"):
        variants = schema.get(key)
        if isinstance(variants, list) and variants:
            return _first_variant(variants, root, text, refs)
    all_of = schema.get("allOf")
    if isinstance(all_of, list) and all_of:
        merged: dict[str, Any] = {}
        for part in all_of:
            if isinstance(part, Mapping):
                merged.update(_resolve(root, part["$ref"]) if isinstance(part.get("$ref"), str) else part)
        return _instance(merged, root, text, refs)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "null":
        return None
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        return _number(schema, integer=kind == "integer")
    if kind == "array":
        count = schema.get("minItems")
        return [_instance(schema.get("items", {}), root, text, refs) for _ in range(_count(count, 0))]
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties") or {}
        required = schema.get("required")
        names = required if isinstance(required, list) else list(properties)
        return {name: _instance(properties.get(name), root, text, refs) for name in names}
    text = text[: _count(schema.get("maxLength"), len(text))]
    return text + "x" * (_count(schema.get("minLength"), 0) - len(text))


def _count(value: object, default: int) -> int:
    """A non-negative integer keyword (``minItems``, ``maxLength``...); ``default`` when absent or malformed."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default


def _bound(schema: Mapping[str, Any], key: str) -> float | None:
    value = schema.get(key)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _number(schema: Mapping[str, Any], *, integer: bool) -> int | float:
    """1 when the bounds allow it, else the allowed value nearest to 1."""
    low, high = _bound(schema, "minimum"), _bound(schema, "maximum")
    above, below = _bound(schema, "exclusiveMinimum"), _bound(schema, "exclusiveMaximum")
    if integer:  # an exclusive bound is an inclusive one on the next integer
        lows = [math.ceil(low)] if low is not None else []
        if above is not None:
            lows.append(math.floor(above) + 1)
        highs = [math.floor(high)] if high is not None else []
        if below is not None:
            highs.append(math.ceil(below) - 1)
        return min([max([1, *lows]), *highs])
    least = max((v for v in (low, above) if v is not None), default=None)
    most = min((v for v in (high, below) if v is not None), default=None)
    value: float = 1 if least is None else max(1, least)
    value = value if most is None else min(value, most)
    if value in (above, below):  # on an exclusive bound: step inside
        if least is not None and most is not None:
            return (least + most) / 2
        return value + 1 if value == above else value - 1
    return value


def _first_variant(variants: list[Any], root: Mapping[str, Any], text: str, refs: tuple[str, ...]) -> Any:
    for variant in variants:
        try:
            return _instance(variant, root, text, refs)
        except _Recursive:
            continue
    raise _Recursive("every variant recurses")


def _resolve(root: Mapping[str, Any], ref: str) -> Mapping[str, Any]:
    target: Any = root
    for key in ref.removeprefix("#/").split("/"):
        target = target.get(key, {}) if isinstance(target, Mapping) else {}
    return target if isinstance(target, Mapping) else {}
