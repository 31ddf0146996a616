"""The strict JSON schema of a pydantic model, as openai sends it for structured outputs.

Strict mode asks for: ``additionalProperties: false`` on every object, every property listed in ``required``,
no ``null`` defaults, a single ``allOf`` merged into its parent, and no ``$ref`` that has sibling keys (such a
``$ref`` is replaced by the definition it points to). Key order follows pydantic's schema, keys added at the end.
"""

from __future__ import annotations

import inspect
from typing import Any, TypeGuard

import pydantic

__all__ = ["is_basemodel_type", "is_dataclass_like_type", "to_strict_json_schema"]


def to_strict_json_schema(model: type[pydantic.BaseModel] | pydantic.TypeAdapter[Any]) -> dict[str, Any]:
    """The strict-mode JSON schema of a model class or a ``TypeAdapter``."""
    if isinstance(model, pydantic.TypeAdapter):
        schema = model.json_schema()
    elif is_basemodel_type(model):
        schema = model.model_json_schema()
    else:
        raise TypeError(f"Expected a pydantic BaseModel class or a TypeAdapter, got {model!r}")
    return _strict(schema, schema, ())


def is_basemodel_type(value: object) -> TypeGuard[type[pydantic.BaseModel]]:
    return inspect.isclass(value) and issubclass(value, pydantic.BaseModel)


def is_dataclass_like_type(value: object) -> bool:
    """A ``@pydantic.dataclasses.dataclass`` class (or any class carrying a pydantic config)."""
    return hasattr(value, "__pydantic_config__")


def _strict(node: object, root: dict[str, Any], where: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(node, dict):
        raise TypeError(f"Expected a JSON schema object at {'/'.join(where) or '#'}, got {node!r}")
    for container in ("$defs", "definitions"):
        defs = node.get(container)
        if isinstance(defs, dict):
            for name, sub in defs.items():
                _strict(sub, root, (*where, container, name))
    if node.get("type") == "object" and "additionalProperties" not in node:
        node["additionalProperties"] = False
    properties = node.get("properties")
    if isinstance(properties, dict):
        node["required"] = list(properties)
        node["properties"] = {
            name: _strict(sub, root, (*where, "properties", name)) for name, sub in properties.items()
        }
    items = node.get("items")
    if isinstance(items, dict):
        node["items"] = _strict(items, root, (*where, "items"))
    any_of = node.get("anyOf")
    if isinstance(any_of, list):
        node["anyOf"] = [_strict(sub, root, (*where, "anyOf", str(i))) for i, sub in enumerate(any_of)]
    all_of = node.get("allOf")
    if isinstance(all_of, list):
        if len(all_of) == 1:
            node.update(_strict(all_of[0], root, (*where, "allOf", "0")))
            del node["allOf"]
        else:
            node["allOf"] = [_strict(sub, root, (*where, "allOf", str(i))) for i, sub in enumerate(all_of)]
    if "default" in node and node["default"] is None:
        del node["default"]
    ref = node.get("$ref")
    if ref and len(node) > 1:
        target = _resolve(root, ref)
        merged = {**target, **node}  # the node's own keys win over the definition's
        node.update(merged)
        del node["$ref"]
        return _strict(node, root, where)
    return node


def _resolve(root: dict[str, Any], ref: object) -> dict[str, Any]:
    if not isinstance(ref, str) or not ref.startswith("#/"):
        raise ValueError(f"Unexpected $ref {ref!r}; only local references starting with '#/' are supported")
    target: Any = root
    for key in ref[2:].split("/"):
        target = target[key]
        if not isinstance(target, dict):
            raise ValueError(f"$ref {ref!r} does not point to a JSON schema object")
    resolved: dict[str, Any] = target
    return resolved
