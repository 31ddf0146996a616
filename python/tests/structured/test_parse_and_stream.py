"""parse / stream / responses.parse against the fake server (its default model answers schema-valid JSON)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from models import GetWeather, MathResponse, Node, Person

import cacheai
from cacheai.testing import FakeOpenAIServer, Reply, ToolCall
from cacheai.types.chat import ParsedChatCompletion, ParsedFunctionToolCall

USER = [{"role": "user", "content": "solve 8x + 31 = 2"}]


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture
def client(server: FakeOpenAIServer) -> Iterator[cacheai.CacheAI]:
    server.set_reply(None)
    with cacheai.CacheAI(api_key="sk-test", base_url=server.base_url, max_retries=0) as c:
        yield c


@pytest.mark.parametrize("model", [MathResponse, Node, Person], ids=lambda m: m.__name__)
def test_parse_gives_the_model(client: cacheai.CacheAI, model: type) -> None:
    completion = client.chat.completions.parse(model="gpt-4o-mini", messages=USER, response_format=model)
    assert isinstance(completion, ParsedChatCompletion)
    message = completion.choices[0].message
    assert isinstance(message.parsed, model)
    assert message.refusal is None


def test_parse_sends_the_strict_schema(client: cacheai.CacheAI, server: FakeOpenAIServer) -> None:
    client.chat.completions.parse(model="gpt-4o-mini", messages=USER, response_format=MathResponse)
    body = server.requests[-1].json()
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["name"] == "MathResponse"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert body["stream"] is False


def test_parse_with_a_dict_response_format_parses_nothing(client: cacheai.CacheAI) -> None:
    completion = client.chat.completions.parse(
        model="gpt-4o-mini", messages=USER, response_format={"type": "json_object"}
    )
    assert completion.choices[0].message.parsed is None


def test_pydantic_tool_arguments_come_back_as_the_model(client: cacheai.CacheAI) -> None:
    completion = client.chat.completions.parse(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Paris"}],
        tools=[cacheai.pydantic_function_tool(GetWeather)],
    )
    call = completion.choices[0].message.tool_calls[0]  # type: ignore[index]
    assert isinstance(call, ParsedFunctionToolCall)
    assert call.function.parsed_arguments == GetWeather(city="Paris", unit="red")  # type: ignore[arg-type]


def test_parse_refuses_a_non_strict_tool(client: cacheai.CacheAI) -> None:
    tool = {"type": "function", "function": {"name": "f", "parameters": {}}}
    with pytest.raises(ValueError, match="`f` is not strict"):
        client.chat.completions.parse(model="gpt-4o-mini", messages=USER, tools=[tool])  # type: ignore[list-item]


def test_length_and_content_filter_raise(client: cacheai.CacheAI, server: FakeOpenAIServer) -> None:
    server.set_reply(Reply(content='{"steps": [', finish_reason="length"))
    with pytest.raises(cacheai.LengthFinishReasonError):
        client.chat.completions.parse(model="gpt-4o-mini", messages=USER, response_format=MathResponse)
    server.set_reply(Reply(content="", finish_reason="content_filter"))
    with pytest.raises(cacheai.ContentFilterFinishReasonError):
        client.chat.completions.parse(model="gpt-4o-mini", messages=USER, response_format=MathResponse)


def test_a_refusal_is_not_parsed(client: cacheai.CacheAI, server: FakeOpenAIServer) -> None:
    server.set_reply(Reply(refusal="I can't help with that"))
    message = (
        client.chat.completions.parse(model="gpt-4o-mini", messages=USER, response_format=MathResponse)
        .choices[0]
        .message
    )
    assert message.refusal == "I can't help with that" and message.parsed is None


def test_stream_events_and_final_completion(client: cacheai.CacheAI) -> None:
    with client.chat.completions.stream(model="gpt-4o-mini", messages=USER, response_format=MathResponse) as stream:
        events = list(stream)
        final = stream.get_final_completion()
    kinds = [event.type for event in events]
    assert kinds[0] == "chunk" and "content.delta" in kinds and kinds.count("content.done") == 1
    done = next(event for event in events if event.type == "content.done")
    assert isinstance(done.parsed, MathResponse)
    assert "".join(event.delta for event in events if event.type == "content.delta") == done.content
    assert final.choices[0].message.parsed == done.parsed


def test_stream_tool_call_events(client: cacheai.CacheAI, server: FakeOpenAIServer) -> None:
    server.set_reply(Reply(tool_calls=(ToolCall("GetWeather", {"city": "Paris", "unit": "blue"}),)))
    tools = [cacheai.pydantic_function_tool(GetWeather)]
    with client.chat.completions.stream(model="gpt-4o-mini", messages=USER, tools=tools) as stream:
        events = list(stream)
        final = stream.get_final_completion()
    done = [event for event in events if event.type == "tool_calls.function.arguments.done"]
    assert len(done) == 1 and done[0].parsed_arguments == GetWeather(city="Paris", unit="blue")  # type: ignore[arg-type]
    assert final.choices[0].message.tool_calls[0].function.parsed_arguments == done[0].parsed_arguments  # type: ignore[index]


def test_until_done_then_final(client: cacheai.CacheAI) -> None:
    with client.chat.completions.stream(model="gpt-4o-mini", messages=USER) as stream:
        assert stream.until_done() is stream
        assert stream.get_final_completion().choices[0].message.content == "Echo: solve 8x + 31 = 2"


def test_responses_parse_and_stream(client: cacheai.CacheAI, server: FakeOpenAIServer) -> None:
    response = client.responses.parse(model="gpt-4o-mini", input="hi", text_format=Person)
    assert isinstance(response.output_parsed, Person)
    assert server.requests[-1].json()["text"]["format"]["name"] == "Person"
    with client.responses.stream(model="gpt-4o-mini", input="hi", text_format=Person) as stream:
        kinds = [event.type for event in stream]
        final = stream.get_final_response()
    assert kinds[-1] == "response.completed"
    assert final.output_parsed == response.output_parsed


def test_text_format_and_text_format_dict_conflict(client: cacheai.CacheAI) -> None:
    with pytest.raises(TypeError, match="Cannot mix and match"):
        client.responses.parse(model="gpt-4o-mini", input="hi", text_format=Person, text={"format": {"type": "text"}})


def test_beta_chat_is_the_chat_resource_under_its_older_name(client: cacheai.CacheAI, server: FakeOpenAIServer) -> None:
    """openai's ``client.beta.chat.completions.parse`` (older code and examples use it) works the same."""
    completion = client.beta.chat.completions.parse(model="gpt-4o-mini", messages=USER, response_format=MathResponse)
    assert isinstance(completion.choices[0].message.parsed, MathResponse)
    assert type(client.beta.chat.completions) is type(client.chat.completions)
    assert server.requests[-1].path.endswith("/chat/completions")


def test_a_stream_state_built_by_hand_accumulates_plain_text() -> None:
    # openai's defaults: no response_format, no tools (omitted, not None): the text is not parsed as JSON.
    from cacheai.lib.streaming.chat import ChatCompletionStreamState
    from cacheai.types.chat import ChatCompletionChunk

    state: ChatCompletionStreamState[object] = ChatCompletionStreamState()
    kinds = []
    for content in ("", "Hello", " there"):
        chunk = ChatCompletionChunk.model_validate({
            "id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
            "choices": [{"index": 0, "delta": {"content": content}, "finish_reason": None}],
        })
        kinds += [event.type for event in state.handle_chunk(chunk)]
    assert kinds == ["chunk", "content.delta"] * 3
    final = state.get_final_completion()
    assert final.choices[0].message.content == "Hello there" and final.choices[0].message.parsed is None
