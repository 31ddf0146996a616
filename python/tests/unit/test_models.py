"""Response models: lenient parsing, dumps, and agreement with openai 3.57 on the same JSON (spec §7.1, §8)."""

from __future__ import annotations

import copy
import json
import warnings
from typing import Any

import httpx2
import openai
import pydantic
import pytest

import cacheai
from cacheai.types import CompletionUsage
from cacheai.types.chat import ChatCompletion, ChatCompletionChunk

from ._helpers import BASE_URL, CHAT_URL, COMPLETION, MESSAGES, Reply, chunk_json, ok, serve, sse


def via_cacheai(mock_api: Any, client: cacheai.CacheAI, payload: Any, **headers: str) -> ChatCompletion:
    serve(mock_api, "POST", CHAT_URL, ok(payload, **headers))
    return client.chat.completions.create(model="m", messages=MESSAGES)


def via_openai(payload: Any, *, stream: bool = False) -> Any:
    """What openai 3.57 itself returns for the same response body (the oracle)."""

    def handler(request: httpx2.Request) -> httpx2.Response:
        if stream:
            return httpx2.Response(200, content=sse(*payload), headers={"content-type": "text/event-stream"})
        return httpx2.Response(200, json=payload, headers={"x-request-id": "req_1"})

    client = openai.OpenAI(
        api_key="k", base_url=BASE_URL, http_client=httpx2.Client(transport=httpx2.MockTransport(handler))
    )
    result = client.chat.completions.create(model="m", messages=MESSAGES, stream=stream)  # type: ignore[arg-type]
    return list(result) if stream else result


def dump(model: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return model.model_dump()


def variant(**changes: Any) -> dict[str, Any]:
    payload = copy.deepcopy(COMPLETION)
    payload.update(changes)
    return payload


def with_message(message: dict[str, Any], **choice: Any) -> dict[str, Any]:
    payload = copy.deepcopy(COMPLETION)
    payload["choices"][0]["message"] = message
    payload["choices"][0].update(choice)
    return payload


ORACLE_CASES = {
    "standard": COMPLETION,
    "unknown-finish-reason": with_message({"role": "assistant", "content": "x"}, finish_reason="weird_new"),
    "extras-everywhere": with_message(
        {"role": "assistant", "content": "x", "reasoning_content": "thinking"}, stop_reason=None
    )
    | {"timings": {"predicted_ms": 3.2}, "kv_transfer_params": None},
    "missing-required": {"choices": [{"message": {"content": "x"}}]},
    "empty-choices": variant(choices=[]),
    "nulls": variant(usage=None, system_fingerprint=None, service_tier=None),
    "tool-calls": with_message(
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{\"a\": 1}"}},
                {"id": "c2", "type": "custom", "custom": {"name": "g", "input": "raw"}},
            ],
        },
        finish_reason="tool_calls",
    ),
    "unknown-tool-type": with_message(
        {"role": "assistant", "tool_calls": [{"id": "c1", "type": "mystery", "extra": 1}]}
    ),
    "wrong-types": variant(created="not-an-int", model=123),
    "logprobs-ints": with_message(
        {"role": "assistant", "content": "a"},
        logprobs={"content": [{"token": "a", "logprob": -1, "bytes": [97], "top_logprobs": []}], "refusal": None},
    ),
    "usage-details": variant(usage={
        "prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3,
        "prompt_tokens_details": {"cached_tokens": 1, "new_kind": 4},
        "completion_tokens_details": {"reasoning_tokens": 2},
    }),
    "service-tier": variant(service_tier="flex", system_fingerprint="fp_1"),
}


@pytest.mark.filterwarnings("ignore::UserWarning")  # pydantic's serializer warnings for off-schema values
@pytest.mark.parametrize("payload", ORACLE_CASES.values(), ids=ORACLE_CASES.keys())
def test_same_result_as_openai(mock_api, client, payload):
    ours = via_cacheai(mock_api, client, payload)
    theirs = via_openai(payload)
    assert dump(ours) == dump(theirs)
    assert ours.to_dict() == theirs.to_dict() == payload
    assert json.loads(ours.to_json()) == json.loads(theirs.to_json())
    declared = set(type(ours).model_fields)
    assert ours.model_fields_set & declared == theirs.model_fields_set & declared
    assert ours.model_extra == theirs.model_extra


@pytest.mark.parametrize("payload", ORACLE_CASES.values(), ids=ORACLE_CASES.keys())
def test_nested_types_match_openai(mock_api, client, payload):
    ours = via_cacheai(mock_api, client, payload)
    theirs = via_openai(payload)
    for mine, other in zip(ours.choices or [], theirs.choices or [], strict=True):
        assert type(mine).__name__ == type(other).__name__
        assert type(mine.message).__name__ == type(other.message).__name__
        for call, their_call in zip(mine.message.tool_calls or [], other.message.tool_calls or [], strict=True):
            assert type(call).__name__ == type(their_call).__name__


def test_model_dump_equals_openai_construct():
    payload = ORACLE_CASES["extras-everywhere"]
    ours = ChatCompletion.construct(**payload)
    theirs = openai.types.chat.ChatCompletion.construct(**payload)
    assert dump(ours) == dump(theirs)
    assert ours.to_dict() == theirs.to_dict()


def test_stream_chunks_match_openai(mock_api, client):
    chunks = [
        {**chunk_json(""), "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]},
        chunk_json("Hi", finish_reason=None, obfuscation="abc"),
        {**chunk_json(None, finish_reason="stop"), "choices": [
            {"index": 0, "delta": {"tool_calls": [{"index": 0, "id": "c", "function": {"name": "f"}}]},
             "finish_reason": "tool_calls"}]},
        {**chunk_json("x"), "choices": [], "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}},
    ]
    mock_api.post(CHAT_URL, body=sse(*chunks, "[DONE]"), content_type="text/event-stream")
    ours = list(client.chat.completions.create(model="m", messages=MESSAGES, stream=True))
    theirs = via_openai([*chunks, "[DONE]"], stream=True)
    assert [dump(c) for c in ours] == [dump(c) for c in theirs]
    assert [c.to_dict() for c in ours] == chunks


# -- lenient parsing -----------------------------------------------------------------------------------------


def test_unknown_finish_reason_is_kept(mock_api, client):
    result = via_cacheai(mock_api, client, with_message({"role": "assistant", "content": "x"}, finish_reason="eos"))
    assert result.choices[0].finish_reason == "eos"


def test_missing_required_fields_become_none(mock_api, client):
    result = via_cacheai(mock_api, client, {"choices": [{"message": {"content": "x"}}]})
    assert result.id is None
    assert result.created is None
    assert result.model is None
    assert result.choices[0].index is None
    assert result.choices[0].finish_reason is None
    assert result.choices[0].message.content == "x"
    assert result.choices[0].message.role is None


def test_extras_are_kept(mock_api, client):
    payload = with_message({"role": "assistant", "content": "x", "reasoning_content": "hmm"})
    payload["timings"] = {"predicted_ms": 1}
    result = via_cacheai(mock_api, client, payload)
    assert result.timings == {"predicted_ms": 1}
    assert result.model_extra == {"timings": {"predicted_ms": 1}}
    assert result.choices[0].message.reasoning_content == "hmm"
    assert result.choices[0].message.model_extra == {"reasoning_content": "hmm"}


def test_empty_choices(mock_api, client):
    result = via_cacheai(mock_api, client, variant(choices=[]))
    assert result.choices == []


def test_explicit_null_is_recorded_as_set(mock_api, client):
    result = via_cacheai(mock_api, client, variant(system_fingerprint=None))
    assert result.system_fingerprint is None
    assert "system_fingerprint" in result.model_fields_set
    assert "service_tier" not in result.model_fields_set


def test_nested_objects_are_typed(mock_api, client):
    result = via_cacheai(mock_api, client, COMPLETION)
    assert isinstance(result, ChatCompletion)
    assert isinstance(result, cacheai.BaseModel)
    assert isinstance(result.usage, CompletionUsage)
    assert result.usage.total_tokens == 7
    assert result.choices[0].message.content == "Hello!"


def test_int_is_widened_to_float(mock_api, client):
    payload = ORACLE_CASES["logprobs-ints"]
    result = via_cacheai(mock_api, client, payload)
    logprob = result.choices[0].logprobs.content[0].logprob
    assert logprob == -1.0
    assert isinstance(logprob, float)


def test_wrong_types_are_kept_as_sent(mock_api, client):
    result = via_cacheai(mock_api, client, variant(created="not-an-int"))
    assert result.created == "not-an-int"


def test_request_id_on_the_top_level_object(mock_api, client):
    result = via_cacheai(mock_api, client, COMPLETION, **{"x-request-id": "req_abc"})
    assert result._request_id == "req_abc"
    assert "_request_id" not in result.model_dump()
    assert "req_abc" not in result.to_json()
    assert "req_abc" not in repr(result)


def test_request_id_none_without_header(mock_api, client):
    assert via_cacheai(mock_api, client, COMPLETION)._request_id is None


# -- dumps ---------------------------------------------------------------------------------------------------


def test_to_dict_has_only_the_sent_keys_and_model_dump_has_all(mock_api, client):
    result = via_cacheai(mock_api, client, COMPLETION)
    assert result.to_dict() == COMPLETION
    full = result.model_dump()
    assert set(full) >= {"id", "choices", "created", "model", "object", "system_fingerprint", "service_tier"}
    assert full["system_fingerprint"] is None
    assert "refusal" in full["choices"][0]["message"]
    assert "refusal" not in result.to_dict()["choices"][0]["message"]


def test_to_json_is_indented_and_compact_model_dump_json(mock_api, client):
    result = via_cacheai(mock_api, client, COMPLETION)
    text = result.to_json()
    assert json.loads(text) == COMPLETION
    assert text.startswith("{\n  ")
    assert json.loads(result.to_json(indent=None)) == COMPLETION
    assert "\n" not in result.model_dump_json()


def test_to_dict_options():
    usage = CompletionUsage.construct(prompt_tokens=1, completion_tokens=2, total_tokens=3)
    assert usage.to_dict() == {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
    assert usage.to_dict(exclude_unset=False)["prompt_tokens_details"] is None
    assert usage.to_dict(mode="json") == usage.to_dict()


def test_repr_lists_declared_fields(mock_api, client):
    usage = via_cacheai(mock_api, client, COMPLETION).usage
    assert repr(usage).startswith("CompletionUsage(completion_tokens=2, prompt_tokens=5, total_tokens=7")


def test_direct_instantiation_validates():
    with pytest.raises(pydantic.ValidationError):
        CompletionUsage(prompt_tokens="many", completion_tokens=1, total_tokens=2)  # type: ignore[arg-type]


def test_construct_converts_nested_dicts():
    result = ChatCompletion.construct(**COMPLETION)
    assert isinstance(result.usage, CompletionUsage)
    assert result.choices[0].message.content == "Hello!"
    assert result.to_dict() == COMPLETION


def test_chunk_construct_with_usage():
    chunk = ChatCompletionChunk.construct(
        **{**chunk_json("x"), "choices": [], "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
    )
    assert chunk.choices == []
    assert chunk.usage is not None and chunk.usage.total_tokens == 2


# -- responses that are not JSON -----------------------------------------------------------------------------


def test_non_json_body_for_a_model_is_a_validation_error(mock_api, client):
    # deliberate difference from openai (which returns the text)
    page = Reply(200, body="<html>proxy login</html>", headers={"Content-Type": "text/html"})
    serve(mock_api, "POST", CHAT_URL, page)
    with pytest.raises(cacheai.APIResponseValidationError) as info:
        client.chat.completions.create(model="m", messages=MESSAGES)
    assert info.value.status_code == 200
    assert info.value.response is not None
    assert "proxy login" in str(info.value)


def test_empty_200_body_for_a_model_is_a_validation_error(mock_api, client):
    serve(mock_api, "POST", CHAT_URL, Reply(200, body=""))
    with pytest.raises(cacheai.APIResponseValidationError):
        client.chat.completions.create(model="m", messages=MESSAGES)


def test_json_without_json_content_type_is_still_parsed(mock_api, client):
    serve(mock_api, "POST", CHAT_URL, Reply(200, body=json.dumps(COMPLETION), headers={"Content-Type": "text/plain"}))
    assert client.chat.completions.create(model="m", messages=MESSAGES).id == "chatcmpl-1"


def test_raw_parse_to_another_model(mock_api, client):
    class Slim(cacheai.BaseModel):
        id: str

    class Plain(pydantic.BaseModel):
        id: str

    serve(mock_api, "POST", CHAT_URL, ok())
    raw = client.chat.completions.with_raw_response.create(model="m", messages=MESSAGES)
    assert raw.is_closed  # read eagerly, like openai's LegacyAPIResponse
    assert raw.parse() is raw.parse()
    assert raw.parse(to=Slim).id == "chatcmpl-1"
    with pytest.raises(TypeError):
        raw.parse(to=Plain)
    assert raw.headers["Content-Type"] == "application/json"
    assert raw.http_request.method == "POST"
    assert raw.json() == COMPLETION


@pytest.mark.parametrize("payload", [COMPLETION, ORACLE_CASES["extras-everywhere"]], ids=["standard", "extras"])
def test_str_and_repr_match_openai(mock_api, client, payload):
    # openai's BaseModel prints as `ClassName(field=value, ...)` for both str() and repr(): print(completion)
    ours = via_cacheai(mock_api, client, payload)
    theirs = via_openai(payload)
    assert repr(ours) == repr(theirs)
    assert str(ours) == str(theirs)
    assert str(ours.choices[0].message) == str(theirs.choices[0].message)
