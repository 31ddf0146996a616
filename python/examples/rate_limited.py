"""500 chat requests from 16 threads under client-side rate limits (issue 11).

Without CACHEAI_BASE_URL it starts the fake server enforcing 3,000 requests and 200,000 tokens per minute (the
way OpenAI does: 429s and x-ratelimit-* headers); the client's matching RateLimitConfig keeps every call under
them, so the server never has to refuse one.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

from cacheai import CacheAI, RateLimitConfig
from cacheai.testing import FakeOpenAIServer, FakeRateLimits

RPM, TPM = 3_000, 200_000
MODEL = os.environ.get("CACHEAI_MODEL", "gpt-4o-mini")

server = None
base_url = os.environ.get("CACHEAI_BASE_URL")
if base_url is None:
    server = FakeOpenAIServer(rate_limits=FakeRateLimits(rpm=RPM, tpm=TPM)).start()
    base_url = server.base_url

client = CacheAI(
    base_url=base_url,
    rate_limit=RateLimitConfig(requests_per_minute=RPM, tokens_per_minute=TPM, max_concurrent=8),
)


def ask(i: int) -> int:
    reply = client.chat.completions.create(
        model=MODEL, messages=[{"role": "user", "content": f"Question {i}: what is {i} + {i}?"}], max_tokens=50
    )
    return reply.usage.total_tokens if reply.usage else 0


with ThreadPoolExecutor(16) as pool:
    tokens = sum(pool.map(ask, range(500)))

assert client.rate_limiter is not None
budget = client.rate_limiter.state()["*"]
print(f"500 requests, {tokens} tokens; {budget.throttled_by_server} refused by the server (429)")
print(
    f"budget left: {budget.requests_left:.0f} of {budget.requests_per_minute:.0f} requests, "
    f"{budget.tokens_left:.0f} of {budget.tokens_per_minute:.0f} tokens; {budget.in_flight} in flight"
)
client.close()
if server is not None:
    server.stop()
