"""The parameters of a resource method as a caller sees them: name, kind and default, ``**params: Unpack[TD]``
expanded into the TypedDict's keys (required keys have no default), and openai's ``omit``/``not_given`` defaults
(which both leave a parameter out of the request) shown as ``"omitted"``."""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Callable
from typing import Any

import typing_extensions

REQUIRED = "required"
OMITTED = "omitted"
# The per-call options: openai defaults them to None/not_given, cacheai takes them as optional TypedDict keys (no
# default value can be written there); either way "not passed" sends nothing.
CALL_OPTIONS = frozenset({"extra_headers", "extra_query", "extra_body", "timeout"})


def _default(value: object) -> str:
    if value is inspect.Parameter.empty:
        return REQUIRED
    if type(value).__name__ in ("NotGiven", "Omit"):
        return OMITTED
    return repr(value)


def _unpacked(function: Callable[..., Any], annotation: object) -> Any:
    """The TypedDict of a ``**kwargs: Unpack[TD]`` annotation (a string under postponed annotations)."""
    if isinstance(annotation, str):
        match = re.fullmatch(r"Unpack\[(\w+)\]", annotation)
        return function.__globals__[match.group(1)] if match else None
    if typing_extensions.get_origin(annotation) in (typing.Unpack, typing_extensions.Unpack):
        return typing_extensions.get_args(annotation)[0]
    return None


def parameters(method: Callable[..., Any]) -> dict[str, tuple[str, str]]:
    """``{name: (kind, default)}`` of ``method`` (``self`` left out), as its implementation takes them; a
    ``**params: Any`` implementation is expanded with the ``Unpack[TypedDict]`` of its overloads."""
    function = inspect.unwrap(getattr(method, "__func__", method))
    overloads = typing.get_overloads(function) or typing_extensions.get_overloads(function)
    found: dict[str, tuple[str, str]] = {}
    for param in inspect.signature(function).parameters.values():
        if param.name == "self":
            continue
        if param.kind is not inspect.Parameter.VAR_KEYWORD:
            default = _default(param.default)
            if param.name in CALL_OPTIONS and default in (OMITTED, "None"):
                default = OMITTED
            found[param.name] = (param.kind.name, default)
            continue
        typed = [_unpacked(f, inspect.signature(f).parameters[param.name].annotation) for f in [function, *overloads]]
        typed = [t for t in typed if t is not None]
        if not typed:
            found[f"**{param.name}"] = ("VAR_KEYWORD", REQUIRED)
        for key, annotation in typed[0].__annotations__.items() if typed else ():
            # Under postponed annotations the class cannot see `Required[...]`; its annotation text shows it.
            text = getattr(annotation, "__forward_arg__", annotation)
            required = key in typed[0].__required_keys__ or (isinstance(text, str) and text.startswith("Required["))
            found[key] = ("KEYWORD_ONLY", REQUIRED if required else OMITTED)
    return found
