"""The cache key: SHA-256 over a canonical JSON of everything sent that can change the answer.

The canonical form has sorted keys, no whitespace and Python's exact number representation (``1`` and ``1.0``
are different requests, as they are on the wire). It covers the method, the normalised base URL and path, the
query, the full final body (after ``extra_body``; omitted parameters are absent), the headers that change the
answer (``OpenAI-Organization``, ``OpenAI-Project`` and any extra header that is not authentication, framing or
tracing) and ``KEY_VERSION``. The API key is never part of it; ``scope_key`` adds a keyed hash of it instead.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
from collections.abc import Collection, Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .._utils import _json_default

__all__ = ["KEY_VERSION", "canonical_json", "key_scope", "make_key", "normalize_url"]

KEY_VERSION = 1

# Request headers that never change the answer, or must never be stored: authentication, framing, tracing.
_UNKEYED_HEADERS = frozenset(
    {
        "authorization",
        "api-key",
        "x-api-key",
        "proxy-authorization",
        "cookie",
        "content-length",
        "content-type",
        "accept",
        "accept-encoding",
        "connection",
        "user-agent",
        "traceparent",
        "tracestate",
        "idempotency-key",
        "x-stainless-retry-count",
    }
)
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def canonical_json(value: Any) -> bytes:
    """Sorted keys, compact, exact numbers; pydantic models as they are sent."""
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_default
    ).encode("utf-8")


@functools.lru_cache(maxsize=512)
def normalize_url(url: str) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """``(origin, path, sorted query)``: scheme and host lower-cased, default port and trailing slash dropped."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    origin = f"{scheme}://{host}" + (f":{port}" if port is not None and str(port) != _DEFAULT_PORTS.get(scheme) else "")
    path = "/" + parts.path.strip("/")
    return origin, path, tuple(sorted(parse_qsl(parts.query, keep_blank_values=True)))


def key_scope(api_key: str, secret: bytes = b"cacheai-cache-scope") -> str:
    """A keyed hash naming one API key's entries (the key itself is never stored)."""
    return hmac.new(secret, api_key.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def answer_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """The request headers that can change the answer, names lower-cased."""
    return {
        k.lower(): v
        for k, v in headers.items()
        if isinstance(v, str) and k.lower() not in _UNKEYED_HEADERS and not k.lower().startswith("x-cacheai-")
    }


def make_key(
    method: str,
    url: str,
    body: Any,
    headers: Mapping[str, str],
    *,
    namespace: str = "",
    scope: str | None = None,
    ignore_params: Collection[str] = (),
    extra: Iterable[tuple[str, Any]] = (),
) -> str:
    """The hex SHA-256 key of one request (see the module docstring)."""
    origin, path, query = normalize_url(url)
    if ignore_params and isinstance(body, Mapping):
        body = {k: v for k, v in body.items() if k not in ignore_params}
    document: dict[str, Any] = {
        "v": KEY_VERSION,
        "ns": namespace,
        "method": method.upper(),
        "origin": origin,
        "path": path,
        "query": query,
        "body": body,
        "headers": answer_headers(headers),
    }
    if scope is not None:
        document["scope"] = scope
    for name, value in extra:
        document[name] = value
    return hashlib.sha256(canonical_json(document)).hexdigest()
