"""Code that changed only ``from openai import OpenAI`` (or ``import cacheai as openai``) keeps openai's own
objects: its sentinels and ``Timeout`` are accepted (recognised without cacheai importing openai) and put the same
requests on the wire; ``import cacheai as openai`` provides the top-level names openai code uses."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import openai
import pytest
from differential_harness import Scenario, run
from recording_server import RecordingServer, Reply
from scenarios import USER, chat_completion

import cacheai
from cacheai._types import NotGiven, Omit


@pytest.fixture(scope="module")
def server() -> Iterator[RecordingServer]:
    recording = RecordingServer().start()
    yield recording
    recording.stop()


SENTINELS = {
    "NOT_GIVEN": openai.NOT_GIVEN,
    "not_given": openai.not_given,
    "NotGiven()": openai.NotGiven(),
    "omit": openai.omit,
    "Omit()": openai.Omit(),
}


def test_openai_sentinels_are_cacheai_sentinels() -> None:
    assert isinstance(openai.NOT_GIVEN, NotGiven) and isinstance(openai.NotGiven(), NotGiven)
    assert isinstance(openai.omit, Omit) and isinstance(openai.Omit(), Omit)
    assert not isinstance(openai.omit, NotGiven) and not isinstance(None, Omit) and not isinstance("omit", Omit)


@pytest.mark.parametrize("sentinel", SENTINELS.values(), ids=SENTINELS.keys())
def test_sentinel_leaves_a_parameter_out_as_openai_does(server: RecordingServer, sentinel: object) -> None:
    def call(client: Any) -> Any:
        return client.chat.completions.create(
            model="m", messages=USER, temperature=sentinel, max_tokens=sentinel, stream=sentinel
        )

    scenario = Scenario("sentinel", call, [Reply(json=chat_completion())])
    expected, actual = run(server, scenario, openai.OpenAI), run(server, scenario, cacheai.CacheAI)
    assert expected.error is None and actual.error is None
    assert actual.requests == expected.requests
    assert actual.requests[0]["body"] == {"model": "m", "messages": USER}


def test_sentinels_in_list_query_and_headers(server: RecordingServer) -> None:
    def call(client: Any) -> Any:
        return client.models.list(extra_query={"a": openai.NOT_GIVEN}, extra_headers={"X-Keep": "1"})

    scenario = Scenario("sentinel list", call, [Reply(json={"object": "list", "data": []})])
    expected, actual = run(server, scenario, openai.OpenAI), run(server, scenario, cacheai.CacheAI)
    assert actual.requests == expected.requests
    assert actual.result == expected.result


def test_openai_timeout_object_per_client_and_per_call(server: RecordingServer) -> None:
    client = cacheai.CacheAI(api_key="k", base_url=f"{server.url}/v1", timeout=openai.Timeout(30.0, connect=2.0))
    assert client.timeout == cacheai.Timeout(30.0, connect=2.0)

    def call(client: Any) -> Any:
        return client.chat.completions.create(model="m", messages=USER, timeout=openai.Timeout(20.0, connect=1.0))

    scenario = Scenario("timeout", call, [Reply(json=chat_completion())], client_options={"timeout": openai.Timeout(9)})
    expected, actual = run(server, scenario, openai.OpenAI), run(server, scenario, cacheai.CacheAI)
    assert expected.error is None and actual.error is None
    assert actual.requests == expected.requests and actual.result == expected.result


def test_openai_timeout_bounds_the_wait(server: RecordingServer) -> None:
    """A per-call ``openai.Timeout`` is the read timeout requests applies: a slow reply times out like openai's."""

    def call(client: Any) -> Any:
        return client.chat.completions.create(model="m", messages=USER, timeout=openai.Timeout(0.05))

    scenario = Scenario("slow", call, [Reply(json=chat_completion(), delay=1.0)])
    expected, actual = run(server, scenario, openai.OpenAI), run(server, scenario, cacheai.CacheAI)
    assert expected.error is not None and actual.error is not None
    assert actual.error["class"] == expected.error["class"] == "APITimeoutError"


def test_a_wrong_timeout_is_a_type_error_naming_it() -> None:
    client = cacheai.CacheAI(api_key="k", base_url="http://127.0.0.1:9/v1", max_retries=0)
    with pytest.raises(TypeError, match="timeout must be"):
        client.models.list(timeout="10")  # type: ignore[arg-type]


# The top-level names openai code uses (its README, examples and cookbook): `import cacheai as openai` has them.
OPENAI_NAMES = [
    "OpenAI", "Client", "Stream", "APIResponse", "BaseModel", "Timeout", "RequestOptions",
    "NOT_GIVEN", "NotGiven", "not_given", "Omit", "omit", "DEFAULT_TIMEOUT", "DEFAULT_MAX_RETRIES", "VERSION",
    "types", "OpenAIError", "APIError", "APIStatusError", "APIConnectionError", "APITimeoutError",
    "APIResponseValidationError", "BadRequestError", "AuthenticationError", "PermissionDeniedError",
    "NotFoundError", "ConflictError", "UnprocessableEntityError", "RateLimitError", "InternalServerError",
    "LengthFinishReasonError", "ContentFilterFinishReasonError", "InvalidWebhookSignatureError",
]  # fmt: skip


@pytest.mark.parametrize("name", OPENAI_NAMES)
def test_import_cacheai_as_openai_has_the_name(name: str) -> None:
    assert hasattr(openai, name)
    assert hasattr(cacheai, name)
    assert name in dir(cacheai)


def test_openai_is_the_client_class_and_the_error_tree_is_openais() -> None:
    assert cacheai.OpenAI is cacheai.CacheAI
    errors = [n for n in OPENAI_NAMES if n.endswith("Error")]
    for name in errors:
        for base in errors:
            assert issubclass(getattr(cacheai, name), getattr(cacheai, base)) == issubclass(
                getattr(openai, name), getattr(openai, base)
            ), (name, base)


def test_import_cacheai_as_openai_runs_openai_style_code(server: RecordingServer) -> None:
    code = f"""
import cacheai as openai
client = openai.OpenAI(api_key="k", base_url="{server.url}/v1", max_retries=0, timeout=openai.Timeout(10))
try:
    client.chat.completions.create(model="m", messages=[{{"role": "user", "content": "x"}}])
except openai.RateLimitError as error:
    print("rate limited", error.status_code)
result = client.chat.completions.create(model="m", messages=[{{"role": "user", "content": "x"}}], n=openai.NOT_GIVEN)
assert isinstance(result, openai.types.chat.ChatCompletion)
print(result.choices[0].message.content)
import sys
print("openai" in sys.modules)
"""
    server.script([Reply(status=429, json={"error": {"message": "slow down"}}), Reply(json=chat_completion())])
    # The last line shows that cacheai itself never imports the real openai package.
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["rate limited 429", "Hello!", "False"]


def test_partial_migration_exceptions_are_cacheais(server: RecordingServer) -> None:
    """Only the client changed: cacheai raises its own classes (same names, same tree), so ``except
    openai.RateLimitError`` does not catch them; ``except cacheai.RateLimitError`` (or ``import cacheai as
    openai``) does. The README's migration section says so."""
    server.script([Reply(status=429, json={"error": {"message": "slow down"}})])
    client = cacheai.CacheAI(api_key="k", base_url=f"{server.url}/v1", max_retries=0)
    with pytest.raises(cacheai.RateLimitError) as caught:
        client.chat.completions.create(model="m", messages=USER)  # type: ignore[arg-type]
    assert not isinstance(caught.value, openai.RateLimitError)
    assert isinstance(caught.value, cacheai.APIStatusError) and caught.value.status_code == 429
