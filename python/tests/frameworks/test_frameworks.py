"""instructor and outlines with a CacheAI client, through ``cacheai.integrations``, against the fake server."""

from __future__ import annotations

from collections.abc import Iterator

import instructor
import outlines
import pytest
from pydantic import BaseModel

from cacheai import CacheAI
from cacheai.integrations import instructor_client, outlines_model
from cacheai.testing import FakeOpenAIServer


class User(BaseModel):
    name: str
    age: int


@pytest.fixture
def fake() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server
    assert server.errors == []


@pytest.fixture
def client(fake: FakeOpenAIServer) -> Iterator[CacheAI]:
    made = CacheAI(base_url=fake.base_url, api_key="test-key", max_retries=0)
    yield made
    made.close()


def test_instructor_from_openai_refuses_the_client_by_class(client: CacheAI) -> None:
    # Why the adapter exists: instructor checks isinstance(client, openai.OpenAI).
    with pytest.raises(Exception, match=r"Client must be an instance of one of: OpenAI, AsyncOpenAI\. Got: CacheAI"):
        instructor.from_openai(client)


def test_instructor_tools_mode(client: CacheAI, fake: FakeOpenAIServer) -> None:
    patched = instructor_client(client)
    assert isinstance(patched, instructor.Instructor) and patched.client is client

    user = patched.chat.completions.create(
        model="m", response_model=User, messages=[{"role": "user", "content": "Jason is 25"}]
    )

    assert user.model_dump() == {"name": "Jason is 25", "age": 1}  # the fake model fills the tool's arguments
    sent = fake.requests[-1].json()
    assert sent["tools"][0]["function"]["name"] == "User"
    assert sent["tool_choice"] == {"type": "function", "function": {"name": "User"}}


def test_instructor_json_mode_and_retries_through_cacheai(client: CacheAI, fake: FakeOpenAIServer) -> None:
    fake.queue_replies('{"name": "Ann"}', '{"name": "Ann", "age": 31}')  # the first lacks age: instructor re-asks
    patched = instructor_client(client, mode=instructor.Mode.JSON)

    user = patched.chat.completions.create(
        model="m", response_model=User, max_retries=2, messages=[{"role": "user", "content": "Ann, 31"}]
    )

    assert user.model_dump() == {"name": "Ann", "age": 31}
    assert len(fake.requests_to("/chat/completions")) == 2


def test_outlines_model(client: CacheAI, fake: FakeOpenAIServer) -> None:
    with pytest.raises(ValueError, match="Invalid client type"):
        outlines.from_openai(client, "gpt-4o-mini")  # type: ignore[arg-type]
    fake.set_reply('{"name": "Ann", "age": 3}')
    model = outlines_model(client, "gpt-4o-mini")

    answer = model("Who is Ann?", User)

    assert User.model_validate_json(answer) == User(name="Ann", age=3)
    sent = fake.requests[-1].json()
    assert sent["model"] == "gpt-4o-mini"
    assert sent["response_format"]["type"] == "json_schema"
