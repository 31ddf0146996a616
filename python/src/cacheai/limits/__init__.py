"""Client-side rate limits: RPM and TPM budgets, a concurrency cap, adaptive throttling, Redis sharing.

``CacheAI(rate_limit=RateLimitConfig(requests_per_minute=500, tokens_per_minute=90_000, max_concurrent=10))``;
see ``RateLimitConfig``, ``RateLimiter`` and the README's "Rate limits" section.
"""

from ._config import RateLimitConfig
from ._errors import RateLimitExceededLocally
from ._estimate import DEFAULT_OUTPUT_TOKENS, count_text_tokens, estimate_request_tokens
from ._limiter import BudgetState, RateLimiter, Ticket

__all__ = [
    "DEFAULT_OUTPUT_TOKENS",
    "BudgetState",
    "RateLimitConfig",
    "RateLimitExceededLocally",
    "RateLimiter",
    "Ticket",
    "count_text_tokens",
    "estimate_request_tokens",
]
