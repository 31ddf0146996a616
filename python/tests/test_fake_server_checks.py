"""Bad input to the fake server gets OpenAI's 400 error body (never a 500, never silently reshaped)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests

from cacheai.testing import FakeOpenAIServer


def post(server: FakeOpenAIServer, path: str, body: dict[str, Any]) -> requests.Response:
    return requests.post(server.base_url + path, json=body, timeout=10)


def assert_400(response: requests.Response, param: str | None, message: str) -> None:
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert error["param"] == param
    assert message in error["message"]


@pytest.fixture
def file_id(server: FakeOpenAIServer) -> str:
    response = requests.post(
        server.base_url + "/files", files={"file": ("a.txt", b"hello world")}, data={"purpose": "assistants"}
    )
    return str(response.json()["id"])


@pytest.fixture
def store_id(server: FakeOpenAIServer, file_id: str) -> str:
    store = post(server, "/vector_stores", {"name": "s", "file_ids": [file_id]}).json()
    return str(store["id"])


# --- fine-tuning and uploads ----------------------------------------------------------------------------


def test_job_hyperparameters_must_be_an_object(server: FakeOpenAIServer, file_id: str) -> None:
    body = {"model": "gpt-4o-mini", "training_file": file_id, "hyperparameters": "fast"}
    response = post(server, "/fine_tuning/jobs", body)
    assert_400(response, "hyperparameters", "expected an object, but got a string instead")


def test_job_file_ids_must_be_strings(server: FakeOpenAIServer, file_id: str) -> None:
    body = {"model": "gpt-4o-mini", "training_file": file_id, "validation_file": [file_id]}
    response = post(server, "/fine_tuning/jobs", body)
    assert_400(response, "validation_file", "expected a string, but got an array instead")


@pytest.mark.parametrize(("param", "value"), [("model", 4), ("training_file", ["f"]), ("suffix", 1)])
def test_job_strings_must_be_strings(server: FakeOpenAIServer, file_id: str, param: str, value: Any) -> None:
    body = {"model": "gpt-4o-mini", "training_file": file_id, param: value}
    assert_400(post(server, "/fine_tuning/jobs", body), param, f"Invalid type for '{param}': expected a string")


def test_a_job_without_a_model_names_it(server: FakeOpenAIServer, file_id: str) -> None:
    response = post(server, "/fine_tuning/jobs", {"training_file": file_id})
    assert_400(response, "model", "Missing required parameter: 'model'.")


@pytest.mark.parametrize(
    ("options", "param"),
    [
        ({"filename": 5}, "filename"),
        ({"purpose": ["batch"]}, "purpose"),
        ({"expires_after": 60}, "expires_after"),
        ({"expires_after": {"anchor": "created_at", "seconds": "1h"}}, "expires_after.seconds"),
    ],
)
def test_upload_fields_are_typed(server: FakeOpenAIServer, options: dict[str, Any], param: str) -> None:
    body = {"bytes": 1, "filename": "a.jsonl", "mime_type": "text/jsonl", "purpose": "batch", **options}
    assert_400(post(server, "/uploads", body), param, "Invalid type for")


def test_upload_expiry_is_the_given_seconds(server: FakeOpenAIServer) -> None:
    body = {"bytes": 1, "filename": "a", "mime_type": "text/plain", "purpose": "batch"}
    upload = post(server, "/uploads", {**body, "expires_after": {"anchor": "created_at", "seconds": 7200}}).json()
    assert upload["expires_at"] - upload["created_at"] == 7200


def test_upload_part_ids_must_be_strings(server: FakeOpenAIServer) -> None:
    body = {"bytes": 0, "filename": "a.jsonl", "mime_type": "text/jsonl", "purpose": "batch"}
    upload = post(server, "/uploads", body).json()
    path = f"/uploads/{upload['id']}/complete"
    assert_400(post(server, path, {}), "part_ids", "Missing required parameter: 'part_ids'.")
    assert_400(post(server, path, {"part_ids": [{}]}), "part_ids", "expected an array of strings")
    assert post(server, path, {"part_ids": []}).json()["status"] == "completed"


def test_upload_bytes_must_be_an_integer_not_a_boolean(server: FakeOpenAIServer) -> None:
    body = {"bytes": True, "filename": "a.jsonl", "mime_type": "text/jsonl", "purpose": "batch"}
    assert_400(post(server, "/uploads", body), "bytes", "'bytes' must be a non-negative integer.")


# --- vector stores --------------------------------------------------------------------------------------


def test_vector_store_file_ids_must_be_an_array_of_strings(server: FakeOpenAIServer, store_id: str) -> None:
    assert_400(post(server, "/vector_stores", {"file_ids": "file-abc"}), "file_ids", "expected an array of strings")
    batch = post(server, f"/vector_stores/{store_id}/file_batches", {"file_ids": 5})
    assert_400(batch, "file_ids", "expected an array of strings, but got an integer instead")
    files = post(server, f"/vector_stores/{store_id}/file_batches", {"files": ["file-abc"]})
    assert_400(files, "files", "expected an array of objects")


@pytest.mark.parametrize(
    ("options", "param"),
    [
        ({"max_num_results": "3"}, "max_num_results"),
        ({"max_num_results": 0}, "max_num_results"),
        ({"max_num_results": 51}, "max_num_results"),
        ({"ranking_options": "strict"}, "ranking_options"),
        ({"ranking_options": {"score_threshold": "high"}}, "ranking_options.score_threshold"),
        ({"ranking_options": {"score_threshold": 1.5}}, "ranking_options.score_threshold"),
    ],
)
def test_search_options_are_checked(
    server: FakeOpenAIServer, store_id: str, options: dict[str, Any], param: str
) -> None:
    response = post(server, f"/vector_stores/{store_id}/search", {"query": "hello", **options})
    assert_400(response, param, "")


@pytest.mark.parametrize(
    ("filters", "param"),
    [
        ("team = ml", "filters"),
        ({"type": "equals", "key": "team", "value": "ml"}, "filters.type"),
        ({"type": "eq", "value": "ml"}, "filters.key"),
        ({"type": "in", "key": "team", "value": "ml"}, "filters.value"),
        ({"type": "and", "filters": {"type": "eq"}}, "filters.filters"),
        (
            {"type": "or", "filters": [{"type": "eq", "key": "a", "value": 1}, {"type": "gte"}]},
            "filters.filters[1].key",
        ),
    ],
)
def test_search_filters_are_checked(server: FakeOpenAIServer, store_id: str, filters: Any, param: str) -> None:
    response = post(server, f"/vector_stores/{store_id}/search", {"query": "hello", "filters": filters})
    assert_400(response, param, "")


def test_search_honours_a_valid_max_num_results(server: FakeOpenAIServer, store_id: str) -> None:
    page = post(server, f"/vector_stores/{store_id}/search", {"query": "hello", "max_num_results": 1}).json()
    assert [r["filename"] for r in page["data"]] == ["a.txt"]


def test_updating_a_store_file_needs_object_attributes(server: FakeOpenAIServer, store_id: str, file_id: str) -> None:
    path = f"/vector_stores/{store_id}/files/{file_id}"
    assert_400(post(server, path, {}), "attributes", "Missing required parameter: 'attributes'.")
    assert_400(post(server, path, {"attributes": "x"}), "attributes", "expected an object, but got a string")
    assert post(server, path, {"attributes": {"k": "v"}}).json()["attributes"] == {"k": "v"}
    assert post(server, path, {"attributes": None}).json()["attributes"] is None


# --- media ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "param", "message"),
    [
        ({"n": 0}, "n", "Invalid 'n': 0. Expected a value between 1 and 10."),
        ({"n": 1.5}, "n", "'n' must be an integer."),
        ({"n": True}, "n", "'n' must be an integer."),
        ({"partial_images": "two", "stream": True}, "partial_images", "'partial_images' must be an integer."),
        ({"partial_images": 4, "stream": True}, "partial_images", "Expected a value between 0 and 3."),
    ],
)
def test_image_counts_are_checked(server: FakeOpenAIServer, options: dict[str, Any], param: str, message: str) -> None:
    response = post(server, "/images/generations", {"prompt": "a fox", "model": "gpt-image-1", **options})
    assert_400(response, param, message)


def test_image_form_fields_are_integers_sent_as_text(server: FakeOpenAIServer) -> None:
    response = requests.post(
        server.base_url + "/images/variations",
        files={"image": ("a.png", b"png")},
        data={"n": "2", "response_format": "b64_json"},
        timeout=10,
    )
    assert response.status_code == 200 and len(response.json()["data"]) == 2
    bad = requests.post(server.base_url + "/images/variations", files={"image": ("a.png", b"png")}, data={"n": "x"})
    assert_400(bad, "n", "'n' must be an integer.")


@pytest.mark.parametrize(
    ("options", "param"),
    [({"response_format": ["mp3"]}, "response_format"), ({"speed": "fast"}, "speed"), ({"speed": 5}, "speed")],
)
def test_speech_options_are_checked(server: FakeOpenAIServer, options: dict[str, Any], param: str) -> None:
    response = post(server, "/audio/speech", {"model": "tts-1", "voice": "alloy", "input": "hi", **options})
    assert_400(response, param, "")


# --- structured outputs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "number", "minimum": 0.5, "maximum": 0.9}, 0.9),
        ({"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1}, 0.5),
        ({"type": "integer", "minimum": 5}, 5),
        ({"type": "integer", "exclusiveMinimum": 5}, 6),
        ({"type": "integer", "exclusiveMaximum": 1}, 0),
        ({"type": "integer", "minimum": "low"}, 1),  # a malformed bound is no bound, not a crash
        ({"type": "string", "minLength": 8}, "hi thxxx"),
        ({"type": "string", "maxLength": 2}, "hi"),
        ({"type": "array", "minItems": "2"}, []),
        ({"allOf": [5, {"type": "boolean"}]}, True),
    ],
)
def test_json_schema_answers_a_value_within_the_schemas_bounds(
    server: FakeOpenAIServer, schema: dict[str, Any], expected: Any
) -> None:
    response_format = {
        "type": "json_schema",
        "json_schema": {"name": "a", "strict": True, "schema": {"type": "object", "properties": {"a": schema}}},
    }
    body = {"model": "m", "messages": [{"role": "user", "content": "hi th"}], "response_format": response_format}
    response = post(server, "/chat/completions", body)
    assert response.status_code == 200, response.text
    assert json.loads(response.json()["choices"][0]["message"]["content"]) == {"a": expected}


# --- lists ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/files", "/vector_stores", "/batches", "/fine_tuning/jobs"])
@pytest.mark.parametrize(
    ("limit", "code"), [("many", "invalid_type"), ("0", "integer_below_min_value"), ("-3", "integer_below_min_value")]
)
def test_a_bad_list_limit_is_a_400(server: FakeOpenAIServer, path: str, limit: str, code: str) -> None:
    response = requests.get(server.base_url + path, params={"limit": limit}, timeout=10)
    assert_400(response, "limit", "'limit'")
    assert response.json()["error"]["code"] == code


def test_a_bad_list_order_is_a_400(server: FakeOpenAIServer) -> None:
    response = requests.get(server.base_url + "/vector_stores", params={"order": "newest"}, timeout=10)
    assert_400(response, "order", "Supported values are: 'asc' and 'desc'.")


def test_files_list_whole_by_default_as_openai_does(server: FakeOpenAIServer) -> None:
    for n in range(25):
        requests.post(server.base_url + "/files", files={"file": (f"{n}.txt", b"x")}, data={"purpose": "batch"})
    page = requests.get(server.base_url + "/files", timeout=10).json()
    assert [f["filename"] for f in page["data"]] == [f"{n}.txt" for n in reversed(range(25))]
    assert page["has_more"] is False
    oldest = requests.get(server.base_url + "/files", params={"order": "asc", "limit": "2"}, timeout=10).json()
    assert [f["filename"] for f in oldest["data"]] == ["0.txt", "1.txt"] and oldest["has_more"] is True


# --- completions and responses --------------------------------------------------------------------------


def test_completions_need_a_string_or_array_prompt(server: FakeOpenAIServer) -> None:
    missing = post(server, "/completions", {"model": "m"})
    assert_400(missing, "prompt", "Missing required parameter: 'prompt'.")
    assert missing.json()["error"]["code"] == "missing_required_parameter"
    wrong = post(server, "/completions", {"model": "m", "prompt": 5})
    assert_400(wrong, "prompt", "Invalid type for 'prompt': expected a string or an array, but got an integer instead.")
    tokens = post(server, "/completions", {"model": "m", "prompt": [1, 2]})
    assert tokens.json()["choices"][0]["text"] == "Echo: 1 2"


def test_responses_need_a_string_or_items_input(server: FakeOpenAIServer) -> None:
    missing = post(server, "/responses", {"model": "m"})
    assert_400(missing, "input", "Missing required parameter: 'input'.")
    assert missing.json()["error"]["code"] == "missing_required_parameter"
    wrong = post(server, "/responses", {"model": "m", "input": 5})
    assert_400(wrong, "input", "expected a string or an array of input items, but got an integer instead.")
    assert wrong.json()["error"]["code"] == "invalid_type"
    tools = post(server, "/responses", {"model": "m", "input": "hi", "tools": 5})
    assert_400(tools, "tools", "Invalid type for 'tools': expected an array, but got an integer instead.")


def test_a_deleted_stores_file_batches_are_gone(server: FakeOpenAIServer, store_id: str, file_id: str) -> None:
    batch = post(server, f"/vector_stores/{store_id}/file_batches", {"file_ids": [file_id]}).json()
    path = f"{server.base_url}/vector_stores/{store_id}/file_batches/{batch['id']}"
    assert requests.get(path, timeout=10).status_code == 200
    assert requests.delete(f"{server.base_url}/vector_stores/{store_id}", timeout=10).json()["deleted"] is True
    for url in (path, path + "/files"):
        gone = requests.get(url, timeout=10)
        assert gone.status_code == 404 and gone.json()["error"]["code"] == "not_found"


def test_replaying_a_response_needs_an_integer_starting_after(server: FakeOpenAIServer) -> None:
    response_id = post(server, "/responses", {"model": "m", "input": "hi"}).json()["id"]
    url = f"{server.base_url}/responses/{response_id}"
    bad = requests.get(url, params={"stream": "true", "starting_after": "first"}, timeout=10)
    assert_400(bad, "starting_after", "expected an integer, but got 'first' instead.")
    replay = requests.get(url, params={"stream": "true", "starting_after": "2"}, timeout=10)
    events = [json.loads(line[6:]) for line in replay.text.splitlines() if line.startswith("data: ")]
    assert events and [e["sequence_number"] for e in events][:2] == [3, 4]


def test_a_batch_line_without_a_json_answer_gets_openais_error_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    from cacheai.testing import _server
    from cacheai.testing._outcomes import BytesOutcome

    monkeypatch.setattr(_server, "route", lambda fake, request: BytesOutcome(200, b"audio", "audio/mpeg"))
    status, body = FakeOpenAIServer()._run_batch_line("/v1/chat/completions", {"model": "m"})
    assert status == 500
    assert body == {
        "error": {"message": "unexpected non-JSON batch result", "type": "server_error", "param": None, "code": None}
    }


@pytest.mark.parametrize(
    "function", [{"name": "ping", "strict": True}, {"name": "ping", "strict": True, "parameters": {}}]
)
def test_a_strict_tool_without_parameters_is_called_with_an_empty_object(
    server: FakeOpenAIServer, function: dict[str, Any]
) -> None:
    body = {
        "model": "m",
        "messages": [{"role": "user", "content": "hi"}],
        "tools": [{"type": "function", "function": function}],
    }
    call = post(server, "/chat/completions", body).json()["choices"][0]["message"]["tool_calls"][0]
    assert call["function"] == {"name": "ping", "arguments": "{}"}


ENDLESS = {
    "$ref": "#/$defs/node",
    "$defs": {"node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/node"}}, "required": ["next"]}},
}


def test_a_schema_without_a_finite_instance_is_a_400_not_a_500(server: FakeOpenAIServer) -> None:
    chat_format = {"type": "json_schema", "json_schema": {"name": "n", "strict": True, "schema": ENDLESS}}
    body = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "response_format": chat_format}
    assert_400(post(server, "/chat/completions", body), None, "no finite value matches it")
    text = {"format": {"type": "json_schema", "name": "n", "strict": True, "schema": ENDLESS}}
    assert_400(post(server, "/responses", {"model": "m", "input": "hi", "text": text}), None, "no finite value")
    server.set_reply('{"next": null}')  # a scripted reply is still sent as it is
    assert post(server, "/chat/completions", body).json()["choices"][0]["message"]["content"] == '{"next": null}'


def test_a_recursive_schema_with_a_way_out_still_gets_an_instance(server: FakeOpenAIServer) -> None:
    node = {"type": "object", "properties": {"next": {"anyOf": [{"$ref": "#/$defs/node"}, {"type": "null"}]}}}
    schema = {"$ref": "#/$defs/node", "$defs": {"node": {**node, "required": ["next"]}}}
    chat_format = {"type": "json_schema", "json_schema": {"name": "n", "strict": True, "schema": schema}}
    body = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "response_format": chat_format}
    assert json.loads(post(server, "/chat/completions", body).json()["choices"][0]["message"]["content"]) == {
        "next": None
    }


def test_reset_forgets_every_stored_object(server: FakeOpenAIServer, store_id: str, file_id: str) -> None:
    job = post(server, "/fine_tuning/jobs", {"model": "gpt-4o-mini", "training_file": file_id}).json()
    response = post(server, "/responses", {"model": "m", "input": "hi"}).json()
    server.reset()
    for path in (f"/files/{file_id}", f"/vector_stores/{store_id}", f"/fine_tuning/jobs/{job['id']}"):
        assert requests.get(server.base_url + path, timeout=10).status_code == 404, path
    assert requests.get(f"{server.base_url}/responses/{response['id']}", timeout=10).status_code == 404


def test_a_file_needs_one_of_openais_purposes(server: FakeOpenAIServer) -> None:
    upload = {"file": ("a.txt", b"x")}
    bad = requests.post(server.base_url + "/files", files=upload, data={"purpose": "training"}, timeout=10)
    assert_400(bad, "purpose", "Invalid value: 'training'. Supported values are: 'assistants', 'batch', 'fine-tune'")
    assert bad.json()["error"]["code"] == "invalid_value"
    good = requests.post(server.base_url + "/files", files=upload, data={"purpose": "user_data"}, timeout=10)
    assert good.status_code == 200 and good.json()["purpose"] == "user_data"


def test_listing_store_files_by_an_unknown_status_is_a_400(server: FakeOpenAIServer, store_id: str) -> None:
    url = f"{server.base_url}/vector_stores/{store_id}/files"
    bad = requests.get(url, params={"filter": "done"}, timeout=10)
    assert_400(bad, "filter", "Invalid value: 'done'. Supported values are: 'in_progress', 'completed'")
    assert len(requests.get(url, params={"filter": "completed"}, timeout=10).json()["data"]) == 1
    assert requests.get(url, params={"filter": "failed"}, timeout=10).json()["data"] == []
