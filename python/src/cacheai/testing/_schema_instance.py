"""A minimal instance of a JSON schema: what the fake server answers for ``response_format`` json_schema and
strict tools. Follows local ``$ref``s, takes the first variant of a union that does not recurse forever,
fills every required property, and uses the user's text for strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["minimal_instance"]


class _Recursive(Exception):
    """A variant that only leads back into a definition already being filled."""


def minimal_instance(schema: object, text: str) -> Any:
    """A small value valid against ``schema`` (the schema's own root resolves its ``$ref``s)."""
    root = schema if isinstance(schema, Mapping) else {}
    return _instance(schema, root, text, ())


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
            merged.update(_resolve(root, part["$ref"]) if isinstance(part, Mapping) and "$ref" in part else part)
        return _instance(merged, root, text, refs)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "null":
        return None
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum"))
        value = max(1, int(low) + 1 if low is not None else 1)
        high = schema.get("maximum")
        return min(value, int(high)) if high is not None else value
    if kind == "array":
        count = int(schema.get("minItems", 0))
        return [_instance(schema.get("items", {}), root, text, refs) for _ in range(count)]
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties") or {}
        required = schema.get("required")
        names = required if isinstance(required, list) else list(properties)
        return {name: _instance(properties.get(name), root, text, refs) for name in names}
    return text


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
