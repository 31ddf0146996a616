"""``client.check_key()``: is this key good, with one cheap request (``GET /models``), and is it well-formed.

The result says ``valid`` (the server listed its models; ``rate_limited`` when it answered 429, which needs a
known key), ``invalid`` (401/403), ``unreachable`` (no answer: connection refused, DNS, timeout) or ``error``
(the server answered something else, e.g. 404 from a server without ``/models``), with the server's message.
The format check only warns, and only about what is wrong for any server (whitespace, quotes, a ``Bearer``
prefix), plus truncation for OpenAI's own keys; other servers' keys are never rejected for their shape.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ._exceptions import APIConnectionError, APIStatusError
from ._keys import FINGERPRINT_NOTE, fingerprint

if TYPE_CHECKING:
    from ._client import CacheAI
    from ._ratelimit_headers import RateLimitSnapshot

__all__ = ["KeyCheck", "check_key", "key_format_warnings"]

log = logging.getLogger("cacheai")

KeyStatus = Literal["valid", "invalid", "unreachable", "error"]

_SNAPSHOT_FIELDS = (
    "limit_requests",
    "remaining_requests",
    "reset_requests_s",
    "limit_tokens",
    "remaining_tokens",
    "reset_tokens_s",
)

# OpenAI's secret keys: "sk-" + 48 characters (legacy), "sk-proj-..."/"sk-svcacct-..."/"sk-admin-..." (longer).
_OPENAI_MIN_LENGTH = 51


@dataclass(frozen=True)
class KeyCheck:
    """What ``check_key`` found; ``fingerprint`` names the key checked (never the key itself)."""

    status: KeyStatus
    message: str | None = None
    status_code: int | None = None
    models: tuple[str, ...] = ()
    rate_limit: RateLimitSnapshot | None = None
    rate_limited: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)
    fingerprint: str | None = None
    latency_ms: float = 0.0

    @property
    def valid(self) -> bool:
        return self.status == "valid"

    def __bool__(self) -> bool:
        return self.valid

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form (``cacheai check --json``)."""
        limit = self.rate_limit
        return {
            "status": self.status,
            "fingerprint": self.fingerprint,
            "status_code": self.status_code,
            "message": self.message,
            "models": list(self.models),
            "rate_limited": self.rate_limited,
            "rate_limit": None if limit is None else {k: getattr(limit, k) for k in _SNAPSHOT_FIELDS},
            "warnings": list(self.warnings),
            "latency_ms": round(self.latency_ms, 1),
        }

    def summary(self) -> str:
        """Lines for a terminal: the verdict, the server's message, the models, the rate limits, the warnings."""
        key = f"key {self.fingerprint}" if self.fingerprint else "no key"
        code = f" (HTTP {self.status_code})" if self.status_code else ""
        lines = [f"{self.status}{' but rate-limited' if self.rate_limited else ''}: {key}{code}"]
        if self.message:
            lines.append(f"  server: {' '.join(self.message.split())[:300]}")
        if self.models:
            shown = ", ".join(self.models[:10]) + (
                f", ... ({len(self.models)} in all)" if len(self.models) > 10 else ""
            )
            lines.append(f"  models: {shown}")
        limit = self.rate_limit
        if limit is not None:
            lines.append(
                f"  rate limit: requests {limit.remaining_requests}/{limit.limit_requests}, "
                f"tokens {limit.remaining_tokens}/{limit.limit_tokens}"
            )
        lines.extend(f"  warning: {text}" for text in self.warnings)
        return "\n".join(lines)


def key_format_warnings(key: str, *, openai: bool) -> list[str]:
    """Copy-paste mistakes in a key: surrounding or inner whitespace, quotes, ``Bearer``; truncation for OpenAI."""
    found: list[str] = []
    if not key:
        return ["the API key is empty"]
    if key != key.strip():
        found.append("the API key starts or ends with whitespace (a copy-paste error?)")
    elif any(ch.isspace() for ch in key):
        found.append("the API key contains whitespace")
    stripped = key.strip()
    if stripped[:1] in "'\"`" or stripped[-1:] in "'\"`":
        found.append("the API key is wrapped in quotes; pass the key without them")
    if stripped.lower().startswith("bearer "):
        found.append("the API key starts with 'Bearer '; pass only the key, the client adds the scheme")
    if openai:
        bare = stripped.strip("'\"`")
        if not bare.startswith("sk-"):
            found.append("OpenAI API keys start with 'sk-'")
        elif len(bare) < _OPENAI_MIN_LENGTH:
            found.append(f"the API key is {len(bare)} characters, shorter than OpenAI's keys: truncated?")
    return found


def check_key(client: CacheAI, api_key: str | None = None, *, timeout: float = 10.0) -> KeyCheck:
    """See ``CacheAI.check_key``."""
    from ._info import exchange_of, info
    from ._options import is_openai as _is_openai

    key = api_key if api_key is not None else client.api_key
    warnings = key_format_warnings(key, openai=_is_openai(client.base_url)) if key else []
    for text in warnings:
        log.warning("API key %s: %s", fingerprint(key), text)
    probe = client.with_options(max_retries=0, timeout=timeout)
    headers = {"Authorization": f"Bearer {key}"} if api_key is not None else None
    name = fingerprint(key) if key else None
    started = time.perf_counter()
    try:
        page = probe.models.list(extra_headers=headers)
    except APIStatusError as exc:
        from ._ratelimit_headers import parse_rate_limit_headers

        status: KeyStatus = "invalid" if exc.status_code in (401, 403) else "error"
        if exc.status_code == 429:
            status = "valid"
        return KeyCheck(
            status=status,
            message=exc.message,
            status_code=exc.status_code,
            rate_limit=parse_rate_limit_headers(exc.response.headers),
            rate_limited=exc.status_code == 429,
            warnings=tuple(warnings),
            fingerprint=name,
            latency_ms=(time.perf_counter() - started) * 1000,
        )
    except ValueError:  # http.client refuses a header value with a line break (its message shows the key)
        return KeyCheck(
            status="invalid",
            message="the key cannot be sent in an HTTP header (it contains a line break or control character)",
            warnings=tuple(warnings),
            fingerprint=name,
        )
    except APIConnectionError as exc:
        cause = exc.__cause__
        detail = f"{exc.message} ({type(cause).__name__})" if cause is not None else exc.message
        return KeyCheck(
            status="unreachable",
            message=detail,
            warnings=tuple(warnings),
            fingerprint=name,
            latency_ms=(time.perf_counter() - started) * 1000,
        )
    record = info(page)
    exchange = exchange_of(page)
    if exchange is not None and exchange.notes.get(FINGERPRINT_NOTE):
        name = exchange.notes[FINGERPRINT_NOTE]  # the key pool chose the key
    return KeyCheck(
        status="valid",
        status_code=record.status_code,
        models=tuple(model.id for model in page.data),
        rate_limit=record.rate_limit,
        warnings=tuple(warnings),
        fingerprint=name,
        latency_ms=(time.perf_counter() - started) * 1000,
    )
