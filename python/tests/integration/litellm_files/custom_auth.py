"""LiteLLM custom-auth hook for the integration tests (loaded by the proxy, not by pytest).

Accepts the master key, a key limited to 2 requests a minute (for a genuine 429 with ``retry-after``) and a
metered key with generous limits (rate-limit headers on every answer);
any other key gets LiteLLM's genuine 401. Without a database, LiteLLM's own key check would answer
``400 no_db_connection`` instead.
"""

from fastapi import Request
from litellm.proxy._types import UserAPIKeyAuth

MASTER_KEY = "sk-cacheai-master"
LIMITED_KEY = "sk-cacheai-limited"
METERED_KEY = "sk-cacheai-metered"


async def user_api_key_auth(request: Request, api_key: str) -> UserAPIKeyAuth:
    if api_key == MASTER_KEY:
        return UserAPIKeyAuth(api_key=api_key)
    if api_key == LIMITED_KEY:
        return UserAPIKeyAuth(api_key=api_key, rpm_limit=2)
    if api_key == METERED_KEY:
        return UserAPIKeyAuth(api_key=api_key, rpm_limit=10000, tpm_limit=1000000)
    raise Exception("Invalid API key: this proxy only accepts the test keys")
