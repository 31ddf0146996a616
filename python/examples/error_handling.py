"""Error handling: the same exception classes as openai, each with the server's status, message and id.

CACHEAI_BASE_URL=http://127.0.0.1:8765/v1 python examples/error_handling.py
"""

import cacheai
from cacheai import CacheAI as OpenAI

# Transient failures (connection errors, timeouts, 408/409/429/5xx) are retried with backoff first.
client = OpenAI(max_retries=3, timeout=30.0)

# 1. The server answered with an error status: APIStatusError and its subclasses.
try:
    client.models.retrieve("no-such-model")
except cacheai.NotFoundError as error:
    print(f"NotFoundError: status {error.status_code}, code {error.code!r}, request id {error.request_id}")
except cacheai.RateLimitError as error:
    print(f"Rate limited; the server said: {error.message}")
except cacheai.APIStatusError as error:
    print(f"Another error status: {error.status_code}: {error.message}")

# 2. The server could not be reached: APIConnectionError (APITimeoutError is a subclass).
unreachable = client.with_options(base_url="http://127.0.0.1:1/v1", max_retries=0)
try:
    unreachable.models.list()
except cacheai.APITimeoutError:
    print("The request timed out")
except cacheai.APIConnectionError as error:
    print(f"APIConnectionError: {error.message} (cause: {type(error.__cause__).__name__})")

# 3. Every error above is a cacheai.APIError, and every cacheai error an OpenAIError (alias CacheAIError).
assert issubclass(cacheai.NotFoundError, cacheai.APIError)
assert issubclass(cacheai.APIError, cacheai.OpenAIError)
client.close()
