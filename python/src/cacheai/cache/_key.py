"""The cache key: SHA-256 over a canonical JSON of everything sent that can change the answer.

The canonical form has sorted keys, no whitespace and Python's exact number representation (``1`` and ``1.0``
are different requests, as they are on the wire). It covers the method, the normalised base URL and path, the
query, the full final body (after ``extra_body``; omitted parameters are absent), the headers that change the
answer (``OpenAI-Organization``, ``OpenAI-Project`` and any extra header that is not authentication, framing or
tracing) and ``KEY_VERSION``. The API key is never part of it; ``scope_key`` adds a keyed hash of it instead.

The hashed bytes are a head (a canonical JSON object of everything but the body), a newline, then the canonical
body. A client with a cache encodes its request bodies canonically for the wire (``encode_json(sort_keys=True)``
is ``canonical_json``), so ``key_of_encoded`` hashes the bytes about to be sent instead of encoding them again,
and the head, the same for every call of one endpoint and header set, is built once.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
from collections.abc import Collection, Hashable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .._utils import encode_json

__all__ = ["KEY_VERSION", "canonical_json", "key_of_encoded", "key_scope", "make_key", "normalize_url"]

KEY_VERSION = 2

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
    """Sorted keys, compact, exact numbers; pydantic models as they are sent (``encode_json(sort_keys=True)``)."""
    return encode_json(value, sort_keys=True)


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
    kept = {}
    for name, value in headers.items():
        lowered = _keyed_name(name)
        if lowered is not None and isinstance(value, str):
            kept[lowered] = value
    return kept


@functools.lru_cache(maxsize=1024)
def _keyed_name(name: str) -> str | None:
    """A header name, lower-cased, if it can change the answer; ``None`` if it never does."""
    lowered = name.lower()
    if lowered in _UNKEYED_HEADERS or lowered.startswith("x-cacheai-"):
        return None
    return lowered


def make_key(
    method: str,
    url: str,
    body: Any,
    headers: Mapping[str, str],
    *,
    namespace: str = "",
    scope: str | None = None,
    ignore_params: Collection[str] = (),
    extra: tuple[tuple[str, Hashable], ...] = (),
) -> str:
    """The hex SHA-256 key of one request (see the module docstring)."""
    if ignore_params and isinstance(body, Mapping):
        body = {k: v for k, v in body.items() if k not in ignore_params}
    return key_of_encoded(method, url, canonical_json(body), headers, namespace=namespace, scope=scope, extra=extra)


def key_of_encoded(
    method: str,
    url: str,
    body: bytes,
    headers: Mapping[str, str],
    *,
    namespace: str = "",
    scope: str | None = None,
    extra: tuple[tuple[str, Hashable], ...] = (),
) -> str:
    """``make_key`` of a body already encoded as ``canonical_json(body)`` (the request's wire bytes)."""
    head = _head(method.upper(), url, tuple(answer_headers(headers).items()), namespace, scope, extra)
    return hashlib.sha256(head + body).hexdigest()


@functools.lru_cache(maxsize=1024)
def _head(
    method: str,
    url: str,
    headers: tuple[tuple[str, str], ...],
    namespace: str,
    scope: str | None,
    extra: tuple[tuple[str, Hashable], ...],
) -> bytes:
    """Everything hashed but the body, as a canonical JSON object and a newline (JSON text holds none)."""
    origin, path, query = normalize_url(url)
    document: dict[str, Any] = {
        "v": KEY_VERSION,
        "ns": namespace,
        "method": method,
        "origin": origin,
        "path": path,
        "query": query,
        "headers": dict(headers),
    }
    if scope is not None:
        document["scope"] = scope
    for name, value in extra:
        document[name] = value
    return canonical_json(document) + b"\n"
