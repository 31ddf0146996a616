"""What goes over the wire: URL, query, headers and JSON body of a request (openai 3.57's rules, spec §2)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
import requests

import cacheai
from cacheai import NOT_GIVEN, Omit, Timeout, omit
from cacheai.types.chat import ChatCompletion

from ._helpers import API_KEY, BASE_URL, CHAT_URL, COMPLETION, MESSAGES, Reply, ok, serve

# -- headers -------------------------------------------------------------------------------------------------


def test_default_headers_on_a_post(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="gpt-4o", messages=MESSAGES)
    headers = sent[0].headers
    assert headers["Authorization"] == f"Bearer {API_KEY}"
    assert headers["Accept"] == "application/json"
    assert headers["Content-Type"] == "application/json"
    assert headers["User-Agent"] == f"CacheAI/Python {cacheai.__version__}"
    assert "OpenAI-Organization" not in headers
    assert "OpenAI-Project" not in headers


def test_no_telemetry_headers(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="gpt-4o", messages=MESSAGES)
    names = [name.lower() for name in sent[0].headers]
    assert not [n for n in names if n.startswith("x-stainless")]
    assert "idempotency-key" not in names


def test_internal_raw_response_marker_is_not_sent(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.with_raw_response.create(model="gpt-4o", messages=MESSAGES)
    assert not [n for n in sent[0].headers if "raw-response" in n.lower()]


def test_user_agent_uses_the_class_name(mock_api):
    class MyClient(cacheai.CacheAI):
        pass

    sent = serve(mock_api, "POST", CHAT_URL, ok())
    MyClient(base_url=BASE_URL).chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].headers["User-Agent"] == f"MyClient/Python {cacheai.__version__}"


def test_no_authorization_header_without_a_key(mock_api):
    client = cacheai.CacheAI(base_url=BASE_URL)
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert "Authorization" not in sent[0].headers
    assert client.auth_headers == {}


def test_empty_string_key_sends_no_authorization(mock_api):
    client = cacheai.CacheAI(api_key="", base_url=BASE_URL)
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert "Authorization" not in sent[0].headers


def test_organization_and_project_headers(mock_api):
    client = cacheai.CacheAI(api_key="k", base_url=BASE_URL, organization="org-1", project="proj-1")
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].headers["OpenAI-Organization"] == "org-1"
    assert sent[0].headers["OpenAI-Project"] == "proj-1"


def test_get_has_no_content_type_and_no_body(mock_api, client):
    sent = serve(mock_api, "GET", CHAT_URL + "/cmpl-1", ok())
    client.chat.completions.retrieve("cmpl-1")
    assert sent[0].method == "GET"
    assert "Content-Type" not in sent[0].headers
    assert sent[0].headers["Accept"] == "application/json"
    assert sent[0].body in (None, b"")


def test_get_ignores_extra_body(mock_api, client):
    sent = serve(mock_api, "GET", CHAT_URL + "/cmpl-1", ok())
    client.chat.completions.retrieve("cmpl-1", extra_body={"x": 1})
    assert sent[0].body in (None, b"")
    assert "Content-Type" not in sent[0].headers


def test_bodyless_delete_keeps_content_type_with_zero_length(mock_api, client):
    sent = serve(
        mock_api, "DELETE", CHAT_URL + "/cmpl-1",
        Reply(json={"id": "cmpl-1", "deleted": True, "object": "chat.completion.deleted"}),
    )
    result = client.chat.completions.delete("cmpl-1")
    assert result.deleted is True
    assert sent[0].headers["Content-Type"] == "application/json"
    assert sent[0].headers["Content-Length"] == "0"
    assert sent[0].body in (None, b"")


def test_default_headers_override_sdk_headers_case_insensitively(mock_api):
    client = cacheai.CacheAI(
        api_key="k",
        base_url=BASE_URL,
        default_headers={"user-agent": "my-app/1.0", "X-Custom": "a", "accept": "text/plain"},
    )
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    headers = sent[0].headers
    assert headers["User-Agent"] == "my-app/1.0"
    assert headers["Accept"] == "text/plain"
    assert headers["X-Custom"] == "a"
    # one header per name, whatever the case each side used
    raw_names = [n.lower() for n in headers]
    assert raw_names.count("user-agent") == 1
    assert raw_names.count("accept") == 1


def test_default_headers_can_override_authorization(mock_api):
    client = cacheai.CacheAI(api_key="k", base_url=BASE_URL, default_headers={"authorization": "Token xyz"})
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].headers["Authorization"] == "Token xyz"
    assert [n.lower() for n in sent[0].headers].count("authorization") == 1


def test_default_headers_omit_removes_a_default(mock_api):
    client = cacheai.CacheAI(api_key="k", base_url=BASE_URL, default_headers={"Accept": omit})
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert "Accept" not in sent[0].headers


def test_extra_headers_win_over_defaults_case_insensitively(mock_api):
    client = cacheai.CacheAI(api_key="k", base_url=BASE_URL, default_headers={"X-Team": "a"})
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(
        model="m", messages=MESSAGES, extra_headers={"x-team": "b", "AUTHORIZATION": "Bearer other", "X-New": "n"}
    )
    headers = sent[0].headers
    assert headers["X-Team"] == "b"
    assert headers["Authorization"] == "Bearer other"
    assert headers["X-New"] == "n"
    names = [n.lower() for n in headers]
    assert names.count("x-team") == 1
    assert names.count("authorization") == 1


@pytest.mark.parametrize("sentinel", [omit, Omit()])
def test_extra_headers_omit_removes_a_header(mock_api, client, sentinel):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(
        model="m", messages=MESSAGES, extra_headers={"authorization": sentinel, "User-Agent": sentinel}
    )
    assert "Authorization" not in sent[0].headers
    assert not sent[0].headers.get("User-Agent", "").startswith("CacheAI")


def test_extra_headers_do_not_leak_into_the_next_call(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES, extra_headers={"X-Once": "1", "Accept": omit})
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].headers["X-Once"] == "1"
    assert "X-Once" not in sent[1].headers
    assert sent[1].headers["Accept"] == "application/json"


# -- query ---------------------------------------------------------------------------------------------------


def _query(url: str) -> dict[str, list[str]]:
    from urllib.parse import parse_qs, urlsplit

    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def test_default_query_and_extra_query(mock_api):
    client = cacheai.CacheAI(base_url=BASE_URL, default_query={"api-version": "1", "team": "a"})
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES, extra_query={"team": "b", "debug": True})
    query = _query(sent[0].url)
    assert query == {"api-version": ["1"], "team": ["b"], "debug": ["true"]}


def test_extra_query_omit_removes_a_default_query_param(mock_api):
    client = cacheai.CacheAI(base_url=BASE_URL, default_query={"api-version": "1", "team": "a"})
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES, extra_query={"team": omit})
    assert _query(sent[0].url) == {"api-version": ["1"]}


def test_query_none_values_are_dropped_and_lists_use_brackets(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(
        model="m", messages=MESSAGES, extra_query={"a": None, "include": ["x", "y"], "meta": {"k": "v"}}
    )
    assert _query(sent[0].url) == {"include[]": ["x", "y"], "meta[k]": ["v"]}


def test_no_query_string_when_there_are_no_params(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].url == CHAT_URL


def test_list_params_drop_omitted_values(mock_api, client):
    page = {"object": "list", "data": [], "has_more": False}
    sent = serve(mock_api, "GET", CHAT_URL, Reply(json=page))
    client.chat.completions.list(limit=2, order="asc", after=omit, model=NOT_GIVEN)
    assert _query(sent[0].url) == {"limit": ["2"], "order": ["asc"]}


# -- body ----------------------------------------------------------------------------------------------------


def test_body_is_compact_utf8_json(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hé 日本"}])
    body = sent[0].body
    assert body is not None
    assert "hé 日本".encode() in body
    assert b"\\u" not in body
    assert b", " not in body and b": " not in body
    assert json.loads(body) == {"model": "gpt-4o", "messages": [{"role": "user", "content": "hé 日本"}]}
    assert sent[0].headers["Content-Length"] == str(len(body))


def test_none_is_sent_as_null_and_sentinels_drop_the_param(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(
        model="m", messages=MESSAGES, temperature=None, max_tokens=NOT_GIVEN, top_p=omit, seed=Omit()
    )
    body = sent[0].json()
    assert body == {"model": "m", "messages": MESSAGES, "temperature": None}
    assert b'"temperature":null' in (sent[0].body or b"")


def test_stream_flag_in_body(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok(), ok())
    client.chat.completions.create(model="m", messages=MESSAGES, stream=False)
    client.chat.completions.create(model="m", messages=MESSAGES, stream=omit)
    assert sent[0].json()["stream"] is False
    assert "stream" not in sent[1].json()


def test_all_known_params_are_sent(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(
        model="m",
        messages=MESSAGES,
        temperature=0.5,
        max_tokens=10,
        stop=["\n"],
        tools=[{"type": "function", "function": {"name": "f", "parameters": {}}}],
        stream_options={"include_usage": True},
        response_format={"type": "json_object"},
        user="u1",
    )
    body = sent[0].json()
    assert body["temperature"] == 0.5
    assert body["max_tokens"] == 10
    assert body["stop"] == ["\n"]
    assert body["tools"][0]["function"]["name"] == "f"
    assert body["response_format"] == {"type": "json_object"}
    assert body["user"] == "u1"


def test_messages_iterable_is_materialised(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=(m for m in MESSAGES))
    assert sent[0].json()["messages"] == MESSAGES


def test_extra_body_shallow_merges_and_wins(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(
        model="m",
        messages=MESSAGES,
        temperature=0.1,
        response_format={"type": "json_object", "keep": True},
        extra_body={"model": "other", "top_k": 5, "response_format": {"type": "text"}},
    )
    body = sent[0].json()
    assert body["model"] == "other"
    assert body["top_k"] == 5
    assert body["temperature"] == 0.1
    # shallow: the nested object is replaced, not merged
    assert body["response_format"] == {"type": "text"}


@pytest.mark.parametrize("sentinel", [omit, NOT_GIVEN])
def test_extra_body_sentinel_removes_a_key(mock_api, client, sentinel):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES, temperature=0.1, extra_body={"temperature": sentinel})
    assert sent[0].json() == {"model": "m", "messages": MESSAGES}


def test_extra_body_none_value_is_sent_as_null(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES, extra_body={"guided_json": None})
    assert sent[0].json()["guided_json"] is None


def test_extra_body_does_not_mutate_the_callers_objects(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    extra = {"top_k": 5}
    messages = [dict(m) for m in MESSAGES]
    client.chat.completions.create(model="m", messages=messages, extra_body=extra)
    assert extra == {"top_k": 5}
    assert messages == MESSAGES
    assert sent[0].json()["top_k"] == 5


def test_extra_body_must_be_a_mapping(client):
    with pytest.raises(TypeError):
        client.chat.completions.create(model="m", messages=MESSAGES, extra_body=["x"])


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_infinity_are_a_value_error_before_sending(mock_api, client, value):
    with pytest.raises(ValueError):
        client.chat.completions.create(model="m", messages=MESSAGES, temperature=value)
    assert len(mock_api.calls) == 0


def test_unknown_keyword_is_a_type_error(mock_api, client):
    with pytest.raises(TypeError, match="temprature"):
        client.chat.completions.create(model="m", messages=MESSAGES, temprature=0.2)
    assert len(mock_api.calls) == 0


MISSING = (
    "Missing required arguments; Expected either ('messages' and 'model') or "
    "('messages', 'model' and 'stream') arguments to be given"
)


@pytest.mark.parametrize(
    "kwargs",
    [{"model": "m"}, {"messages": MESSAGES}, {}, {"model": "m", "stream": True}],
    ids=["no-messages", "no-model", "nothing", "stream-no-messages"],
)
def test_missing_required_arguments_message(mock_api, client, kwargs):
    with pytest.raises(TypeError) as info:
        client.chat.completions.create(**kwargs)
    assert str(info.value) == MISSING
    assert len(mock_api.calls) == 0


def test_positional_arguments_are_rejected(client):
    with pytest.raises(TypeError):
        client.chat.completions.create(MESSAGES, "m")  # type: ignore[misc]


def test_response_model_objects_in_messages_are_serialised(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    completion = client.chat.completions.create(model="m", messages=MESSAGES)
    reply = completion.choices[0].message
    client.chat.completions.create(model="m", messages=[*MESSAGES, reply, {"role": "user", "content": "more"}])
    messages = sent[1].json()["messages"]
    # the message as the server sent it: only the keys it had (no null-filled unset fields)
    assert messages[1] == {"role": "assistant", "content": "Hello!"}
    assert messages[2] == {"role": "user", "content": "more"}


def test_tool_call_message_object_round_trips(mock_api, client):
    payload = json.loads(json.dumps(COMPLETION))
    payload["choices"][0]["message"] = {
        "role": "assistant",
        "content": None,
        "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}],
    }
    sent = serve(mock_api, "POST", CHAT_URL, ok(payload), ok())
    message = client.chat.completions.create(model="m", messages=MESSAGES).choices[0].message
    client.chat.completions.create(model="m", messages=[*MESSAGES, message])
    assert sent[1].json()["messages"][1] == payload["choices"][0]["message"]


def test_datetime_in_body_is_iso_formatted(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    when = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    client.chat.completions.create(model="m", messages=MESSAGES, extra_body={"when": when})
    assert sent[0].json()["when"] == when.isoformat()


def test_pydantic_class_as_response_format_is_a_type_error(client):
    class Answer(cacheai.BaseModel):
        text: str

    with pytest.raises(TypeError, match="BaseModel"):
        client.chat.completions.create(model="m", messages=MESSAGES, response_format=Answer)


# -- paths ---------------------------------------------------------------------------------------------------


def test_path_params_are_percent_encoded(mock_api, client):
    sent = serve(mock_api, "GET", CHAT_URL + "/ft:gpt-4o:org%2Fx%20y", ok())
    client.chat.completions.retrieve("ft:gpt-4o:org/x y")
    assert sent[0].url == CHAT_URL + "/ft:gpt-4o:org%2Fx%20y"


def test_path_param_query_characters_are_encoded(mock_api, client):
    sent = serve(mock_api, "GET", CHAT_URL + "/a%3Fb%23c", ok())
    client.chat.completions.retrieve("a?b#c")
    assert sent[0].url == CHAT_URL + "/a%3Fb%23c"


def test_empty_path_param_is_a_value_error(mock_api, client):
    with pytest.raises(ValueError, match=r"Expected a non-empty value for `completion_id` but received ''"):
        client.chat.completions.retrieve("")
    assert len(mock_api.calls) == 0


@pytest.mark.parametrize("value", [".", ".."])
def test_dot_segments_are_rejected(mock_api, client, value):
    with pytest.raises(ValueError):
        client.chat.completions.delete(value)
    assert len(mock_api.calls) == 0


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("http://h:8000/v1", "http://h:8000/v1/chat/completions"),
        ("http://h:8000/v1/", "http://h:8000/v1/chat/completions"),
        ("http://h:8000", "http://h:8000/chat/completions"),
        ("https://h/openai/deployments/x", "https://h/openai/deployments/x/chat/completions"),
    ],
)
def test_base_url_joining(mock_api, base_url, expected):
    sent = serve(mock_api, "POST", expected, ok())
    cacheai.CacheAI(base_url=base_url).chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].url == expected


# -- low-level methods ---------------------------------------------------------------------------------------


def test_low_level_post_with_absolute_url_and_options(mock_api, client):
    sent = serve(mock_api, "POST", "http://elsewhere.test/x", ok())
    result = client.post(
        "http://elsewhere.test/x?a=1",
        cast_to=ChatCompletion,
        body={"k": "v"},
        options={"headers": {"X-H": "1"}, "params": {"b": "2"}, "extra_json": {"e": 1}},
    )
    assert result.id == COMPLETION["id"]
    assert _query(sent[0].url) == {"a": ["1"], "b": ["2"]}
    assert sent[0].headers["X-H"] == "1"
    assert sent[0].json() == {"k": "v", "e": 1}


def test_low_level_get_dict_and_unknown_option(mock_api, client):
    serve(mock_api, "GET", BASE_URL + "/models", Reply(json={"data": [1]}))
    assert client.get("/models", cast_to=dict) == {"data": [1]}
    with pytest.raises(TypeError):
        client.get("/models", cast_to=dict, options={"bogus": 1})


def test_low_level_max_retries_option(mock_api, client):
    sent = serve(mock_api, "GET", BASE_URL + "/models", Reply(503, body="busy"))
    with pytest.raises(cacheai.InternalServerError):
        client.get("/models", cast_to=dict, options={"max_retries": 0})
    assert len(sent) == 1


# -- timeouts reaching requests ------------------------------------------------------------------------------


def test_default_timeout_reaches_requests_as_connect_read_tuple(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].timeout == (5.0, 600)


def test_client_float_timeout(mock_api):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    cacheai.CacheAI(base_url=BASE_URL, timeout=12.5).chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].timeout == (12.5, 12.5)


def test_per_call_timeout_overrides_client_timeout(mock_api, client):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    client.chat.completions.create(model="m", messages=MESSAGES, timeout=3)
    client.chat.completions.create(model="m", messages=MESSAGES, timeout=Timeout(30.0, connect=2.0, read=7.0))
    client.chat.completions.create(model="m", messages=MESSAGES, timeout=None)
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert [s.timeout for s in sent] == [(3, 3), (2.0, 7.0), None, (5.0, 600)]


def test_timeout_object_with_all_four_phases(mock_api):
    timeout = Timeout(connect=1.0, read=2.0, write=3.0, pool=4.0)
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    cacheai.CacheAI(base_url=BASE_URL, timeout=timeout).chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].timeout == (1.0, 2.0)


def test_client_timeout_none_means_no_timeout(mock_api):
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    cacheai.CacheAI(base_url=BASE_URL, timeout=None).chat.completions.create(model="m", messages=MESSAGES)
    assert sent[0].timeout is None


def test_timeout_like_httpx_needs_a_default_or_all_four():
    with pytest.raises(ValueError):
        Timeout(connect=1.0, read=2.0)
    assert repr(Timeout(10, connect=1)) == "Timeout(connect=1, read=10, write=10, pool=10)"
    assert repr(cacheai.DEFAULT_TIMEOUT) == "Timeout(connect=5.0, read=600, write=600, pool=600)"


def test_requests_timeout_exception_type_is_not_leaked(mock_api, client):
    serve(mock_api, "POST", CHAT_URL, requests.exceptions.ConnectTimeout("slow connect"))
    with pytest.raises(cacheai.APITimeoutError):
        client.with_options(max_retries=0).chat.completions.create(model="m", messages=MESSAGES)


def test_query_in_the_path_is_kept_and_params_win(mock_api, client):
    sent = serve(mock_api, "GET", BASE_URL + "/models", Reply(json={"ok": 1}))
    client.get("models?a=1&b=1", cast_to=dict, options={"params": {"a": "2"}})
    assert _query(sent[0].url) == {"a": ["2"], "b": ["1"]}


# -- redirects (followed like httpx's follow_redirects=True; 3xx never raises) ----------------------------------


@pytest.mark.parametrize("status", [307, 308])
def test_method_preserving_redirect_is_followed(mock_api, client, status):
    first = serve(mock_api, "POST", CHAT_URL, Reply(status, headers={"Location": "http://api.test/v2/chat/completions"}))
    second = serve(mock_api, "POST", "http://api.test/v2/chat/completions", ok())
    result = client.chat.completions.create(model="m", messages=MESSAGES)
    assert result.id == COMPLETION["id"]
    assert len(first) == 1 and len(second) == 1
    assert second[0].method == "POST"
    assert second[0].json() == {"model": "m", "messages": MESSAGES}
    assert second[0].headers["Authorization"] == f"Bearer {API_KEY}"


def test_redirect_to_another_host_drops_the_key(mock_api, client):
    serve(mock_api, "POST", CHAT_URL, Reply(307, headers={"Location": "http://elsewhere.test/v1/chat/completions"}))
    second = serve(mock_api, "POST", "http://elsewhere.test/v1/chat/completions", ok())
    client.chat.completions.create(model="m", messages=MESSAGES)
    assert "Authorization" not in second[0].headers


def test_extra_json_with_a_non_mapping_body_is_not_silently_dropped(mock_api, client):
    # openai raises rather than merging extra_body into (and losing) a list body
    sent = serve(mock_api, "POST", BASE_URL + "/batch", Reply(json={}))
    try:
        client.post("/batch", cast_to=dict, body=[1, 2], options={"extra_json": {"a": 1}})
    except (TypeError, ValueError, RuntimeError):
        return
    assert sent[0].json() != {"a": 1}, "the list body was replaced by extra_json"


# -- agreement with openai 3.57 on the wire ------------------------------------------------------------------

WIRE_CASES: dict[str, dict[str, object]] = {
    "minimal": {},
    "none-and-sentinels": {"temperature": None, "max_tokens": NOT_GIVEN, "top_p": omit, "seed": 7},
    "stream-false": {"stream": False},
    "tools": {
        "tools": [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}],
        "tool_choice": "auto",
        "parallel_tool_calls": False,
    },
    "extra-body": {"extra_body": {"model": "override", "top_k": 3, "temperature": omit}, "temperature": 0.2},
    "extra-query-and-headers": {
        "extra_query": {"api-version": "2024-10-21", "flags": ["a", "b"]},
        "extra_headers": {"X-Trace": "t1", "Accept": "text/plain"},
    },
    "unicode-and-misc": {
        "messages": [{"role": "user", "content": "héllo ✓ 日本"}],
        "stop": ["\n", "END"],
        "metadata": {"k": "v"},
        "response_format": {"type": "json_object"},
        "logit_bias": {"50256": -100},
    },
}


def _to_openai_sentinels(value: object) -> object:
    import openai

    if isinstance(value, Omit):
        return openai.omit
    if isinstance(value, type(NOT_GIVEN)):
        return openai.NOT_GIVEN
    if isinstance(value, dict):
        return {k: _to_openai_sentinels(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("kwargs", WIRE_CASES.values(), ids=WIRE_CASES.keys())
def test_same_request_as_openai(mock_api, kwargs):
    import httpx2
    import openai

    seen: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return httpx2.Response(200, json=COMPLETION)

    params = {"model": "gpt-4o", "messages": MESSAGES, **kwargs}
    theirs_client = openai.OpenAI(
        api_key="sk-k", base_url=BASE_URL, organization="org-1", project="proj-1",
        http_client=httpx2.Client(transport=httpx2.MockTransport(handler)),
    )
    theirs_client.chat.completions.create(**_to_openai_sentinels(params))  # type: ignore[call-overload]
    sent = serve(mock_api, "POST", CHAT_URL, ok())
    ours_client = cacheai.CacheAI(api_key="sk-k", base_url=BASE_URL, organization="org-1", project="proj-1")
    ours_client.chat.completions.create(**params)

    theirs, ours = seen[0], sent[0]
    assert json.loads(ours.body or b"") == json.loads(theirs.content)
    assert _query(ours.url) == _query(str(theirs.url))
    for name in ("Authorization", "Accept", "Content-Type", "OpenAI-Organization", "OpenAI-Project", "X-Trace"):
        assert ours.headers.get(name) == theirs.headers.get(name), name
    # same bytes apart from key order: compact separators, raw UTF-8
    assert len(ours.body or b"") == len(theirs.content)


def test_concurrent_calls_do_not_share_per_call_state(mock_api, client):
    from concurrent.futures import ThreadPoolExecutor

    sent = serve(mock_api, "POST", CHAT_URL, ok())

    def call(i: int) -> None:
        client.chat.completions.create(
            model=f"m{i}", messages=MESSAGES, extra_headers={"X-Call": str(i)}, extra_query={"call": i}
        )

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(call, range(40)))
    assert len(sent) == 40
    for request in sent:
        i = request.headers["X-Call"]
        assert request.json()["model"] == f"m{i}"
        assert _query(request.url) == {"call": [i]}
