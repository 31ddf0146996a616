"""Differential scenarios for structured outputs: ``chat.completions.parse``/``stream``, ``responses.parse``/
``stream``. Each call returns plain data (parsed models dumped) so the two clients' results compare directly.
"""

from __future__ import annotations

import copy
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import pydantic
from differential_harness import Scenario, sse
from recording_server import Reply
from scenarios import RESPONSE, USER, chat_completion, chunk

sys.path.insert(0, str(Path(__file__).parents[1] / "structured"))
from models import GetWeather, MathResponse, Node, Optionals, Person

MATH = {"steps": [{"explanation": "subtract 31", "output": "8x = -29"}], "final_answer": "x = -29/8"}
PERSON = {"name": "Ada", "home": {"street": "1 Main", "city": "London"}, "work": None, "ratings": None}
NODE = {"value": 1, "children": [{"value": 2, "children": [], "parent": None}], "parent": None}
OPTIONALS = {"name": None, "count": 3, "color": "blue", "tags": ["a"]}


def answer(content: str | None, finish_reason: str = "stop", **message: Any) -> Reply:
    body = chat_completion()
    body["choices"][0]["finish_reason"] = finish_reason
    body["choices"][0]["message"] = {"role": "assistant", "content": content, "refusal": None, **message}
    return Reply(json=body)


def tool_answer(name: str, arguments: dict[str, Any]) -> Reply:
    call = {"id": "call_1", "type": "function", "function": {"name": name, "arguments": json.dumps(arguments)}}
    return answer(None, "tool_calls", tool_calls=[call])


def parse(client: Any, **params: Any) -> Any:
    completion = client.chat.completions.parse(model="gpt-4o-mini", messages=USER, **params)
    message = completion.choices[0].message
    calls = [{"name": c.function.name, "parsed": _plain(c.function.parsed_arguments)} for c in message.tool_calls or []]
    return {
        "completion": completion,
        "classes": _classes(completion, message),
        "parsed": _plain(message.parsed),
        "refusal": message.refusal,
        "calls": calls,
    }


def _classes(*objects: Any) -> list[str]:
    """The class names (what a printed object shows), generic parameters included."""
    return [type(value).__name__ for value in objects]


def _plain(value: Any) -> Any:
    if isinstance(value, pydantic.BaseModel):
        return {"model": type(value).__name__, "data": value.model_dump(mode="json")}
    return value


def content_stream(text: str, *, finish_reason: str = "stop") -> Reply:
    pieces = [text[i : i + 7] for i in range(0, len(text), 7)]
    chunks = [chunk({"role": "assistant", "content": ""})]
    chunks += [chunk({"content": piece}) for piece in pieces]
    chunks.append(chunk({}, finish_reason))
    return Reply(sse=sse(*chunks))


def tool_stream(name: str, arguments: dict[str, Any]) -> Reply:
    text = json.dumps(arguments)
    first = {"index": 0, "id": "call_1", "type": "function", "function": {"name": name, "arguments": ""}}
    chunks = [chunk({"role": "assistant", "tool_calls": [first]})]
    chunks += [
        chunk({"tool_calls": [{"index": 0, "function": {"arguments": text[i : i + 5]}}]})
        for i in range(0, len(text), 5)
    ]
    chunks.append(chunk({}, "tool_calls"))
    return Reply(sse=sse(*chunks))


def stream(client: Any, **params: Any) -> Any:
    with client.chat.completions.stream(model="gpt-4o-mini", messages=USER, **params) as events:
        seen = [_event(event) for event in events]
        final = events.get_final_completion()
    message = final.choices[0].message
    return {
        "events": seen,
        "final": final,
        "classes": _classes(final, message),
        "parsed": _plain(message.parsed),
        "content": message.content,
    }


def stream_event_models(client: Any) -> Any:
    """The events as pydantic models: dumps, fields set, extras, equality, copies, pickling, a new attribute."""
    with client.chat.completions.stream(model="gpt-4o-mini", messages=USER) as events:
        seen = list(events)
    out = []
    for event in seen:
        dumped = event.model_dump(mode="json", exclude={"chunk", "snapshot"} if event.type == "chunk" else None)
        copied = event.model_copy()
        restored = pickle.loads(pickle.dumps(event)) if event.type != "chunk" else event
        event.note = "kept"  # an extra attribute, as pydantic's extra="allow" keeps it
        out.append({
            "class": type(event).__name__,
            "dump": dumped,
            "fields_set": sorted(event.model_fields_set),
            "extra": event.model_extra,
            "equal_copy": copied == event,
            "equal_restored": restored == event,
            "unset_dump": sorted(copied.model_dump(exclude_unset=True)),
            "repr_start": repr(copied).split("(")[0],
        })
    return out


def _event(event: Any) -> dict[str, Any]:
    fields = {k: v for k, v in vars(event).items() if k not in ("chunk", "snapshot") or isinstance(v, str)}
    if event.type == "chunk":
        fields["chunk"] = event.chunk.model_dump(mode="json")
    return {key: _plain(value) for key, value in fields.items()}


def response_with_text(text: str) -> dict[str, Any]:
    body = copy.deepcopy(RESPONSE)
    body["output"][0]["content"][0]["text"] = text
    return body


def responses_parse(client: Any, **params: Any) -> Any:
    response = client.responses.parse(**{"model": "gpt-4o", "input": "Hi", **params})
    output = response.output[0]
    return {
        "response": response.model_dump(mode="json"),
        "classes": _classes(response, output, *getattr(output, "content", [])),
        "parsed": _plain(response.output_parsed),
    }


def responses_stream(client: Any, **params: Any) -> Any:
    with client.responses.stream(model="gpt-4o", input="Hi", **params) as events:
        seen = [_response_event(event) for event in events]
        final = events.get_final_response()
    return {"events": seen, "parsed": _plain(final.output_parsed), "text": final.output_text}


def _response_event(event: Any) -> dict[str, Any]:
    """An event as the user sees it: its class and fields (``snapshot``, ``parsed`` included)."""
    return {"class": type(event).__name__, **event.model_dump(mode="json")}


def response_events(text: str) -> Reply:
    completed = response_with_text(text)
    return Reply(
        sse=sse(
            {"type": "response.created", "sequence_number": 0, "response": {**completed, "status": "in_progress"}},
            {
                "type": "response.output_text.delta",
                "sequence_number": 1,
                "item_id": "msg_1",
                "output_index": 0,
                "content_index": 0,
                "delta": text,
                "logprobs": [],
            },
            {"type": "response.completed", "sequence_number": 2, "response": completed},
            done=False,
        )
    )


STRUCTURED_SCENARIOS: list[Scenario] = [
    Scenario("parse: nested model", lambda c: parse(c, response_format=MathResponse), [answer(json.dumps(MATH))]),
    Scenario("parse: optional and nested", lambda c: parse(c, response_format=Person), [answer(json.dumps(PERSON))]),
    Scenario("parse: recursive model", lambda c: parse(c, response_format=Node), [answer(json.dumps(NODE))]),
    Scenario(
        "parse: enums, defaults, lists", lambda c: parse(c, response_format=Optionals), [answer(json.dumps(OPTIONALS))]
    ),
    Scenario(
        "parse: json_object dict format",
        lambda c: parse(c, response_format={"type": "json_object"}),
        [answer(json.dumps(MATH))],
    ),
    Scenario(
        "parse: refusal",
        lambda c: parse(c, response_format=MathResponse),
        [answer(None, refusal="I can't help with that")],
    ),
    Scenario(
        "parse: length cut raises", lambda c: parse(c, response_format=MathResponse), [answer('{"steps"', "length")]
    ),
    Scenario(
        "parse: content filter raises",
        lambda c: parse(c, response_format=MathResponse),
        [answer(None, "content_filter")],
    ),
    Scenario("parse: invalid JSON raises", lambda c: parse(c, response_format=MathResponse), [answer('{"steps": 3}')]),
    Scenario(
        "parse: pydantic tool parsed_arguments",
        lambda c: parse(c, tools=[tool_for(c, GetWeather)]),
        [tool_answer("GetWeather", {"city": "Paris", "unit": "blue"})],
    ),
    Scenario(
        "parse: strict dict tool parsed as JSON",
        lambda c: parse(c, tools=[STRICT_TOOL]),
        [tool_answer("lookup", {"q": "x"})],
    ),
    Scenario(
        "parse: non-strict tool refused",
        lambda c: parse(c, tools=[{"type": "function", "function": {"name": "f", "parameters": {}}}]),
        [answer("x")],
    ),
    Scenario(
        "stream: structured content events",
        lambda c: stream(c, response_format=MathResponse),
        [content_stream(json.dumps(MATH))],
    ),
    Scenario("stream: plain text events", lambda c: stream(c), [content_stream("Hello there, friend!")]),
    Scenario("stream: events are pydantic models", stream_event_models, [content_stream("Hi there")]),
    Scenario(
        "stream: tool argument events",
        lambda c: stream(c, tools=[tool_for(c, GetWeather)]),
        [tool_stream("GetWeather", {"city": "Paris", "unit": "red"})],
    ),
    Scenario(
        "stream: length cut raises",
        lambda c: stream(c, response_format=MathResponse),
        [content_stream('{"steps": [', finish_reason="length")],
    ),
    Scenario(
        "responses.parse: text_format",
        lambda c: responses_parse(c, text_format=Person),
        [Reply(json=response_with_text(json.dumps(PERSON)))],
    ),
    Scenario(
        "responses.stream: get_final_response",
        lambda c: responses_stream(c, text_format=MathResponse),
        [response_events(json.dumps(MATH))],
    ),
]

PLAIN_TEXT_UPDATE = {"type": "configuration_update", "text": {"format": {"type": "text"}}}
SCHEMA_UPDATE = {
    "type": "configuration_update",
    "text": {"format": {"type": "json_schema", "name": "Other", "schema": {"type": "object"}, "strict": True}},
}


def resumed_stream(client: Any, **params: Any) -> Any:
    """A stored response's events again (``response_id``), those after ``starting_after`` only."""
    with client.responses.stream(response_id="resp_1", **params) as events:
        seen = [_response_event(event) for event in events]
        final = events.get_final_response()
    return {"events": seen, "parsed": _plain(final.output_parsed), "text": final.output_text}


def _parse_person(name: str, **params: Any) -> Scenario:
    """A ``responses.parse`` scenario answered with PERSON's JSON."""
    return Scenario(
        f"responses.parse: {name}",
        lambda c: responses_parse(c, **params),
        [Reply(json=response_with_text(json.dumps(PERSON)))],
    )


def full_response_events(text: str, call_arguments: dict[str, Any]) -> Reply:
    """Every event of a response with a message and a function call, as the fake server streams them
    (items added, content parts, text and argument deltas, done events), the content given in pieces."""
    from cacheai.testing._shapes import stream_events_of

    final = response_with_text(text)
    final["output"].append(
        {
            "type": "function_call",
            "id": "fc_1",
            "call_id": "call_1",
            "name": "GetWeather",
            "arguments": json.dumps(call_arguments),
            "status": "completed",
        }
    )
    return Reply(sse=sse(*stream_events_of(final), done=False))


STRUCTURED_SCENARIOS += [
    Scenario(
        "responses.stream: text and argument snapshots, parsed done and completed events",
        lambda c: responses_stream(c, text_format=MathResponse, tools=[_responses_tool(c, GetWeather)]),
        [full_response_events(json.dumps(MATH), {"city": "Paris", "unit": "c"})],
    ),
    _parse_person("parse_as=None leaves the output unparsed", text_format=Person, parse_as=None),
    _parse_person(
        "parse_as reads an updated schema", text_format=MathResponse, parse_as=Person, input=["Hi", SCHEMA_UPDATE]
    ),
    _parse_person("an updated schema needs parse_as", text_format=MathResponse, input=["Hi", SCHEMA_UPDATE]),
    _parse_person(
        "parse_as with a plain-text update refused",
        text_format=MathResponse,
        parse_as=Person,
        input=["Hi", PLAIN_TEXT_UPDATE],
    ),
    _parse_person("stream=False and verbosity sent", text_format=Person, stream=False, verbosity="low"),
    Scenario(
        "responses.stream: resumed by response_id after starting_after",
        lambda c: resumed_stream(c, text_format=MathResponse, starting_after=0),
        [response_events(json.dumps(MATH))],
    ),
    Scenario(
        "responses.stream: response_id with new-response arguments refused",
        lambda c: resumed_stream(c, temperature=0.5),
        [response_events("hi")],
    ),
    Scenario(
        "responses.stream: a new response needs model",
        lambda c: c.responses.stream(input="Hi").__enter__(),
        [response_events("hi")],
    ),
]

STRICT_TOOL = {
    "type": "function",
    "function": {
        "name": "lookup",
        "strict": True,
        "parameters": {
            "type": "object",
            "properties": {"q": {"type": "string"}},
            "required": ["q"],
            "additionalProperties": False,
        },
    },
}


def _responses_tool(client: Any, model: type[pydantic.BaseModel]) -> Any:
    """A strict function tool in the Responses API's flat shape, from the model's strict schema."""
    function = tool_for(client, model)["function"]
    return {"type": "function", "name": function["name"], "parameters": function["parameters"], "strict": True}


def tool_for(client: Any, model: type[pydantic.BaseModel]) -> Any:
    """The client library's own ``pydantic_function_tool`` (openai's for openai, cacheai's for cacheai)."""
    import openai

    import cacheai

    maker = openai.pydantic_function_tool if isinstance(client, openai.OpenAI) else cacheai.pydantic_function_tool
    return maker(model)


def responses_tool_for(client: Any, model: type[pydantic.BaseModel], **options: Any) -> Any:
    """The client library's own ``pydantic_responses_function_tool``."""
    import openai

    import cacheai

    library: Any = openai if isinstance(client, openai.OpenAI) else cacheai
    return library.pydantic_responses_function_tool(model, **options)


def response_with_call(arguments: dict[str, Any], **call: Any) -> Reply:
    """A response whose output is one ``GetWeather`` function call (``call``: more fields, e.g. its namespace)."""
    body = copy.deepcopy(RESPONSE)
    body["output"] = [
        {
            "type": "function_call",
            "id": "fc_1",
            "call_id": "call_1",
            "name": "GetWeather",
            "arguments": json.dumps(arguments),
            "status": "completed",
            **call,
        }
    ]
    return Reply(json=body)


def responses_parse_call(client: Any, *, namespace: str | None = None, **tool_options: Any) -> Any:
    """``responses.parse`` with a pydantic Responses tool (inside a namespace tool when ``namespace`` is given):
    the tool as built, the response and the call's ``parsed_arguments``."""
    tool = responses_tool_for(client, GetWeather, **tool_options)
    tools = [tool] if namespace is None else [
        {"type": "namespace", "name": namespace, "description": "Weather tools", "tools": [tool]}
    ]  # fmt: skip
    response = client.responses.parse(model="gpt-4o", input="Weather in Paris?", tools=tools)
    call = response.output[0]
    return {
        "tool": dict(tool),
        "response": response.model_dump(mode="json"),
        "classes": _classes(response, call),
        "parsed_arguments": _plain(call.parsed_arguments),
    }


PARIS = {"city": "Paris", "unit": "c"}
STRUCTURED_SCENARIOS += [
    Scenario(
        "responses.parse: pydantic_responses_function_tool parses the call's arguments",
        lambda c: responses_parse_call(c),
        [response_with_call(PARIS)],
    ),
    Scenario(
        "responses.parse: pydantic_responses_function_tool with name, description and defer_loading",
        lambda c: responses_parse_call(c, name="GetWeather", description="The weather now.", defer_loading=True),
        [response_with_call(PARIS)],
    ),
    Scenario(
        "responses.parse: a call inside a namespace tool parses by the nested tool",
        lambda c: responses_parse_call(c, namespace="weather"),
        [response_with_call(PARIS, namespace="weather")],
    ),
    Scenario(
        "responses.parse: a call naming another namespace is left unparsed",
        lambda c: responses_parse_call(c, namespace="weather"),
        [response_with_call(PARIS, namespace="maps")],
    ),
    Scenario(
        "responses.parse: a deferred top-level function naming itself as its namespace",
        lambda c: responses_parse_call(c),
        [response_with_call(PARIS, namespace="GetWeather")],
    ),
    Scenario(
        "responses.parse: arguments that do not fit the tool's model raise as openai's",
        lambda c: responses_parse_call(c),
        [response_with_call({"city": "Paris", "unit": "blue"})],
    ),
]
