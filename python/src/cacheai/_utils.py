"""Request encoding helpers: path parameters, bracket-style query strings, JSON bodies, header merging."""

from __future__ import annotations

import json
import json.encoder
import re
from collections.abc import Iterable, Mapping, MutableMapping
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, urlencode

from ._types import NotGiven, Omit

__all__ = [
    "encode_json",
    "encode_query",
    "flatten_params",
    "json_array",
    "merge_headers",
    "path_param",
    "redact_urls",
    "strip_not_given",
]

_PATH_SAFE = "!$&'()*+,;=:@"


def path_param(name: str, value: str) -> str:
    """Percent-encode one path segment; an empty value or ``.``/``..`` is a ``ValueError`` before any I/O."""
    if not isinstance(value, str):
        raise TypeError(f"Expected a string for `{name}` but received {type(value).__name__}: {value!r}")
    if not value:
        raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
    if value in (".", ".."):
        raise ValueError(f"`{name}` cannot be {value!r}: it would change the request path")
    return quote(value, safe=_PATH_SAFE)


def strip_not_given(params: Mapping[str, object]) -> dict[str, object]:
    """Drop the parameters left as ``NOT_GIVEN``/``omit``; ``None`` stays (it is sent as ``null``)."""
    # The class-name test first: only a value whose class is named like a sentinel pays the sentinel
    # metaclass's isinstance (two Python-level checks per parameter otherwise; a subclass of cacheai's own
    # sentinels has that metaclass, so it is caught too).
    return {
        k: v
        for k, v in params.items()
        if not (
            (type(v).__name__ in _SENTINEL_NAMES or type(type(v)) is _SENTINEL_META) and isinstance(v, (NotGiven, Omit))
        )
    }


_SENTINEL_NAMES = frozenset({"NotGiven", "Omit"})
_SENTINEL_META = type(NotGiven)


def encode_query(params: Mapping[str, object]) -> str:
    """Bracket style, as openai: ``a[]=1&a[]=2``, ``m[k]=v``, ``true``/``false``; ``None`` values dropped."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        flatten_params(key, value, pairs)
    return urlencode(pairs)


def flatten_params(key: str, value: object, out: list[tuple[str, str]]) -> None:
    """Append ``(key, text)`` pairs for ``value``, nesting with brackets (queries and multipart forms)."""
    if value is None or isinstance(value, (NotGiven, Omit)):
        return
    if isinstance(value, bool):
        out.append((key, "true" if value else "false"))
    elif isinstance(value, Mapping):
        for sub, item in value.items():
            flatten_params(f"{key}[{sub}]", item, out)
    elif isinstance(value, (list, tuple)):
        for item in value:
            flatten_params(f"{key}[]", item, out)
    elif isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        # a generator or set would be sent as its repr (openai does): refused instead
        raise TypeError(f"Parameter `{key}` must be a list or a tuple, not {type(value).__name__}")
    else:
        out.append((key, str(value)))


def json_array(value: object) -> object:
    """A top-level ``Iterable`` parameter as openai sends it: a tuple, generator or set becomes a list; a list, a
    string, a mapping, bytes or a non-iterable is passed on unchanged (the server, or the JSON encoder for bytes,
    then refuses it, never a reshaped value such as a string split into characters or a dict's keys)."""
    if isinstance(value, (list, str, bytes, bytearray, memoryview, Mapping)) or not isinstance(value, Iterable):
        return value
    return list(value)


def _dumps(data: object, sort_keys: bool = False) -> bytes:
    if _FAST_ENCODE:
        # json.dumps' own C encoder, without the JSONEncoder built per call (about 2.5 µs of a chat body's 6);
        # a fresh markers dict per call keeps the circular-reference check thread-safe.
        encode = _c_make_encoder({}, _json_default, _encode_str, None, ":", ",", sort_keys, False, False)
        return "".join(encode(data, 0)).encode("utf-8")
    return json.dumps(
        data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_default, sort_keys=sort_keys
    ).encode("utf-8")


def encode_json(data: object, *, sort_keys: bool = False) -> bytes:
    """Compact UTF-8 JSON as openai sends it; NaN/Infinity are a ``ValueError``, not invalid JSON.

    A value JSON cannot hold (bytes, an arbitrary object) is a ``TypeError`` naming the top-level parameter.
    ``sort_keys`` gives the canonical form the response cache hashes (``cacheai.cache.canonical_json``).
    """
    try:
        return _dumps(data, sort_keys)
    except ValueError as exc:
        raise ValueError(f"The request body cannot be sent as JSON: {exc} (NaN and Infinity are not JSON)") from exc
    except TypeError as exc:
        if isinstance(data, Mapping):
            for key, value in data.items():
                try:
                    _dumps(value, sort_keys)
                except TypeError:
                    raise TypeError(f"Parameter `{key}` cannot be sent as JSON: {exc}") from exc
        raise


def _json_default(value: Any) -> Any:
    from pydantic import BaseModel  # only objects json cannot encode get here; pydantic loads on first use

    if isinstance(value, BaseModel):
        # e.g. `messages.append(completion.choices[0].message)`: send what the server sent.
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"Object of type {type(value).__name__} is not JSON serializable: decode it to str (or base64 it) first"
        )
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (NotGiven, Omit)):
        raise TypeError(
            f"{value!r} can only leave out a top-level parameter; remove the key from the nested object instead"
        )
    if isinstance(value, Iterable):
        # openai turns an iterable into a list only where its type says Iterable; cacheai does not guess where.
        raise TypeError(
            f"Object of type {type(value).__name__} is not JSON serializable: pass a list (or a tuple) instead"
        )
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable: {value!r}")


def merge_headers(target: MutableMapping[str, str], extra: Mapping[str, str | Omit]) -> None:
    """Merge ``extra`` into ``target`` case-insensitively; an ``Omit`` value removes the header."""
    lower = {k.lower(): k for k in target}
    for name, value in extra.items():
        existing = lower.get(name.lower())
        if existing is not None:
            del target[existing]
        if isinstance(value, (Omit, NotGiven)):
            lower.pop(name.lower(), None)
            continue
        target[name] = value
        lower[name.lower()] = name


_QUERY = re.compile(r"\?[^\s'\")]*")


def redact_urls(text: str) -> str:
    """``text`` with every URL query string cut out (``requests`` quotes full URLs, keys included, in errors)."""
    return _QUERY.sub("?...", text)


_c_make_encoder: Any = getattr(json.encoder, "c_make_encoder", None)
_encode_str: Any = json.encoder.encode_basestring


def _fast_encode_works() -> bool:
    """Whether the C encoder is there and takes the arguments json.dumps gives it (checked once, on import)."""
    if _c_make_encoder is None:
        return False
    probe = {"b": [1.0, 1, True, None, "\u00e9\u2028"], "a": {"z": 0, "y": ""}}
    try:
        encode = _c_make_encoder({}, _json_default, _encode_str, None, ":", ",", True, False, False)
        fast = "".join(encode(probe, 0))
    except Exception:
        return False
    return fast == json.dumps(probe, ensure_ascii=False, separators=(",", ":"), allow_nan=False, sort_keys=True)


_FAST_ENCODE = _fast_encode_works()
