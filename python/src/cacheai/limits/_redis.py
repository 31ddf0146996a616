"""``RedisBudgets``: one budget's buckets in Redis, so that processes on several machines share one account's limits.

Every admission is one ``EVALSHA`` of a Lua token-bucket script over both buckets (requests and tokens), using
Redis's own clock (``TIME``), so the read-refill-charge is atomic across clients. A refund/charge and a 429
pause are the same script in other modes. The hash expires after two idle minutes. Concurrency caps stay per
process. When Redis cannot be reached the budget falls back to this process's buckets, with one warning, and
Redis is tried again after ``RETRY_AFTER_S``.
"""

from __future__ import annotations

import logging
import threading
import time
import warnings
from typing import Any

from .._ratelimit_headers import RateLimitSnapshot
from .._redis import redis_client
from ._budgets import HEADROOM_S, REQUESTS, TOKENS, LocalBudgets
from ._config import RateLimitConfig

__all__ = ["RedisBudgets"]

log = logging.getLogger("cacheai")

RETRY_AFTER_S = 5.0
_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1e6
local rpm, tpm = tonumber(ARGV[1]), tonumber(ARGV[2])
local cr, ct, mode, h = tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6])
local s = redis.call('HMGET', KEYS[1], 'r', 't', 'ts', 'pause')
local r, tk = tonumber(s[1]) or rpm, tonumber(s[2]) or tpm
local ts, pause = tonumber(s[3]) or now, tonumber(s[4]) or 0
local dt = math.max(0, now - ts)
if rpm > 0 then r = math.min(rpm, r + dt * rpm / 60) end
if tpm > 0 then tk = math.min(tpm, tk + dt * tpm / 60) end
local wait, which = 0, ''
if mode == 'take' then
  if pause > now then wait, which = pause - now, 'pause' end
  local nr, nt = math.min(cr + h * rpm / 60, rpm), math.min(ct + h * tpm / 60, tpm)
  if rpm > 0 and r < nr then
    local w = (nr - r) * 60 / rpm
    if w > wait then wait, which = w, 'r' end
  end
  if tpm > 0 and ct > 0 and tk < nt then
    local w = (nt - tk) * 60 / tpm
    if w > wait then wait, which = w, 't' end
  end
  if wait == 0 then r, tk = r - cr, tk - ct end
elseif mode == 'give' then
  if tpm > 0 then tk = math.min(tpm, tk + ct) end
elseif mode == 'pause' then
  pause = math.max(pause, now + cr)
elseif mode == 'correct' then
  if cr >= 0 and rpm > 0 then r = math.min(r, cr) end
  if ct >= 0 and tpm > 0 then tk = math.min(tk, ct) end
end
redis.call('HSET', KEYS[1], 'r', tostring(r), 't', tostring(tk), 'ts', tostring(now), 'pause', tostring(pause))
redis.call('PEXPIRE', KEYS[1], 120000)
return {tostring(wait), which, tostring(r), tostring(tk)}
"""
_BUDGET = {"pause": "pause", "r": REQUESTS, "t": TOKENS}


class RedisBudgets:
    """The ``Budgets`` of one scope in Redis, with ``fallback`` (this process's buckets) while Redis is down."""

    def __init__(self, config: RateLimitConfig, name: str, fallback: LocalBudgets) -> None:
        assert config.backend is not None
        self._url = config.backend
        self._key = f"cacheai:ratelimit:{{{name}}}"
        self._rpm = float(config.requests_per_minute or 0)
        self._tpm = float(config.tokens_per_minute or 0)
        self._fallback = fallback
        self._client: Any = None
        self._script: Any = None
        self._down_until = 0.0
        self._warned = False
        self._lock = threading.Lock()
        self.failures = 0

    def _run(self, cost_r: float, cost_t: float, mode: str) -> list[Any] | None:
        """The script's answer, or ``None`` when Redis is unreachable (the caller uses the fallback)."""
        if time.monotonic() < self._down_until:
            return None
        try:
            if self._script is None:
                self._client = redis_client(self._url, needed_by="A redis:// rate-limit backend", timeout=1.0)
                self._script = self._client.register_script(_SCRIPT)
            answer: list[Any] = self._script(
                keys=[self._key], args=[self._rpm, self._tpm, cost_r, cost_t, mode, HEADROOM_S]
            )
            return answer
        except Exception as exc:  # redis.RedisError, OSError, ImportError: never fail the call
            self.failures += 1
            self._down_until = time.monotonic() + RETRY_AFTER_S
            with self._lock:
                warn, self._warned = not self._warned, True
            if warn:
                warnings.warn(
                    f"cacheai rate limiter: Redis at {self._url} is unreachable ({type(exc).__name__}: {exc}); "
                    "limiting in this process only until it is back",
                    RuntimeWarning,
                    stacklevel=2,
                )
            log.debug("Redis rate-limit backend failed: %r", exc)
            return None

    def charges_tokens(self) -> bool:
        return bool(self._tpm)

    def take(self, tokens: int, now: float) -> tuple[float, str]:
        answer = self._run(1, tokens, "take")
        if answer is None:
            return self._fallback.take(tokens, now)
        wait = float(answer[0])
        return (wait, _BUDGET.get(_text(answer[1]), REQUESTS)) if wait > 0 else (0.0, "")

    def give(self, tokens: int, now: float) -> None:
        if tokens and self._run(0, tokens, "give") is None:
            self._fallback.give(tokens, now)

    def pause(self, seconds: float) -> None:
        self._run(seconds, 0, "pause")

    def correct(self, snapshot: RateLimitSnapshot, learn: bool, now: float, in_flight: int = 0) -> None:
        self._fallback.correct(snapshot, learn, now, in_flight)
        r = snapshot.remaining_requests
        t = snapshot.remaining_tokens
        self._run(-1 if r is None else r, -1 if t is None else t, "correct")

    def levels(self, now: float) -> tuple[float | None, float | None, float | None, float | None]:
        answer = self._run(0, 0, "peek")
        if answer is None:
            return self._fallback.levels(now)
        return (
            float(answer[2]) if self._rpm else None,
            self._rpm or None,
            float(answer[3]) if self._tpm else None,
            self._tpm or None,
        )


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)
