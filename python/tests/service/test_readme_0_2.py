"""cacheai 0.2.0's README examples, run as they are against the fake service and a fake baseline.

The only change: the literal service URL ``https://api.cacheai.tech/v1`` (and the environment) point at the fake.
"""

from __future__ import annotations

import textwrap

import pytest

from cacheai.testing import FakeCacheAIService

BASIC = """
from cacheai import Client

# Initialize client
client = Client(
    api_key="your-cacheai-api-key",
    base_url="https://api.cacheai.tech/v1"  # Optional, this is the default
)

# Create a chat completion
response = client.chat.completions.create(
    model="gpt-3.5-turbo",
    messages=[
        {"role": "user", "content": "Hello, how are you?"}
    ]
)

print(response.choices[0].message.content)
"""

ENVIRONMENT = """
import os
from cacheai import Client

# Set environment variables
os.environ["CACHEAI_API_KEY"] = "your-cacheai-api-key"
os.environ["CACHEAI_BASELINE_MODEL_PROVIDER"] = "openai"
os.environ["CACHEAI_BASELINE_MODEL_API_KEY"] = "your-baseline-model-api-key"

# Initialize client (reads from environment)
client = Client()

response = client.chat.completions.create(
    model="gpt-3.5-turbo",
    messages=[{"role": "user", "content": "What is Python?"}]
)

print(response.choices[0].message.content)
"""

STREAMING = """
from cacheai import Client

client = Client(api_key="your-cacheai-api-key")

stream = client.chat.completions.create(
    model="gpt-3.5-turbo",
    messages=[{"role": "user", "content": "Tell me a story"}],
    stream=True
)

for chunk in stream:
    if chunk.choices[0].delta.content:
        print(chunk.choices[0].delta.content, end="", flush=True)
"""

BASELINE = """
from cacheai import Client

client = Client(
    api_key="your-cacheai-api-key",
    baseline_model_provider="openai",        # "openai", "anthropic", "google", etc.
    baseline_model_api_key="your-openai-key",  # Baseline LLM API key
)
"""

CACHE_CONTROL = """
from cacheai import Client

# Disable caching (for debugging/testing)
client = Client(
    api_key="your-cacheai-api-key",
    enable_cache=False
)
"""

CONTEXT_MANAGER = """
from cacheai import Client

with Client(api_key="your-api-key") as client:
    response = client.chat.completions.create(
        model="gpt-3.5-turbo",
        messages=[{"role": "user", "content": "Hello!"}]
    )
    print(response.choices[0].message.content)
# Connection is automatically closed
"""

TIMEOUTS = """
from cacheai import Client

client = Client(
    api_key="your-api-key",
    timeout=30.0,      # Request timeout in seconds
    max_retries=3      # Maximum retry attempts
)
"""

ERRORS = """
from cacheai import Client, CacheAIError, AuthenticationError, RateLimitError

client = Client(api_key="your-api-key")

try:
    response = client.chat.completions.create(
        model="gpt-3.5-turbo",
        messages=[{"role": "user", "content": "Hello!"}]
    )
except AuthenticationError as e:
    print(f"Invalid API key: {e}")
except RateLimitError as e:
    print(f"Rate limit exceeded: {e}")
except CacheAIError as e:
    print(f"API error: {e}")
"""


def run(source: str, service: FakeCacheAIService) -> dict[str, object]:
    namespace: dict[str, object] = {}
    exec(textwrap.dedent(source).replace("https://api.cacheai.tech/v1", service.base_url), namespace)
    return namespace


def test_basic(env_0_2: FakeCacheAIService, capsys: pytest.CaptureFixture[str]) -> None:
    run(BASIC, env_0_2)
    run(BASIC, env_0_2)
    assert capsys.readouterr().out == "Echo: Hello, how are you?\n" * 2
    assert [r.method for r in env_0_2.requests] == ["POST", "PUT", "POST"]  # miss, store, hit
    assert env_0_2.requests[0].headers["authorization"] == "Bearer your-cacheai-api-key"


def test_environment_variables(env_0_2: FakeCacheAIService, capsys: pytest.CaptureFixture[str]) -> None:
    run(ENVIRONMENT, env_0_2)
    assert capsys.readouterr().out == "Echo: What is Python?\n"
    headers = env_0_2.requests[0].headers
    assert headers["x-cacheai-baseline-model-provider"] == "openai"
    assert headers["x-cacheai-baseline-model-api-key"] == "your-baseline-model-api-key"


def test_streaming(env_0_2: FakeCacheAIService, capsys: pytest.CaptureFixture[str]) -> None:
    run(STREAMING, env_0_2)
    run(STREAMING, env_0_2)  # the second one is the service's stored answer
    assert capsys.readouterr().out == "Echo: Tell me a story" * 2


def test_baseline_configuration(env_0_2: FakeCacheAIService) -> None:
    client = run(BASELINE, env_0_2)["client"]
    assert client.baseline_model_provider == "openai"  # type: ignore[attr-defined]
    assert client.baseline_model_api_key == "your-openai-key"  # type: ignore[attr-defined]


def test_cache_control(env_0_2: FakeCacheAIService) -> None:
    client = run(CACHE_CONTROL, env_0_2)["client"]
    messages = [{"role": "user", "content": "no cache"}]
    for _ in range(2):
        client.chat.completions.create(model="m", messages=messages)  # type: ignore[attr-defined]
    lookups = [r for r in env_0_2.requests if r.method == "POST"]
    assert [r.headers.get("x-cacheai-enable-cache") for r in lookups] == ["false", "false"]


def test_context_manager(env_0_2: FakeCacheAIService, capsys: pytest.CaptureFixture[str]) -> None:
    client = run(CONTEXT_MANAGER, env_0_2)["client"]
    assert capsys.readouterr().out == "Echo: Hello!\n"
    assert client.is_closed()  # type: ignore[attr-defined]


def test_timeouts_and_retries(env_0_2: FakeCacheAIService) -> None:
    client = run(TIMEOUTS, env_0_2)["client"]
    assert client.timeout == 30.0  # type: ignore[attr-defined]
    assert client.max_retries == 3  # type: ignore[attr-defined]


def test_error_handling(env_0_2: FakeCacheAIService, capsys: pytest.CaptureFixture[str]) -> None:
    run(ERRORS, env_0_2)
    assert capsys.readouterr().out == ""  # no error
    env_0_2.api_key = "another-key"
    run(ERRORS, env_0_2)
    assert capsys.readouterr().out.startswith("Invalid API key: ")
