"""Error responses of every shape to the right exception class, message and attributes (spec §4)."""

from __future__ import annotations

import gzip
import json
from typing import Any

import openai
import pytest

import cacheai

from ._helpers import BASE_URL, CHAT_URL, MESSAGES, Reply, serve


@pytest.fixture
def client() -> cacheai.CacheAI:
    """No retries, so every status surfaces from the first response."""
    return cacheai.CacheAI(api_key="sk-test", base_url=BASE_URL, max_retries=0)


def fail(mock_api: Any, client: cacheai.CacheAI, reply: Reply) -> cacheai.APIStatusError:
    serve(mock_api, "POST", CHAT_URL, reply)
    with pytest.raises(cacheai.APIStatusError) as info:
        client.chat.completions.create(model="m", messages=MESSAGES)
    return info.value


OPENAI_ERROR = {"error": {"message": "Rate limited!", "type": "requests", "param": None, "code": "rate_limit_exceeded"}}


# -- class per status ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, cacheai.BadRequestError),
        (401, cacheai.AuthenticationError),
        (403, cacheai.PermissionDeniedError),
        (404, cacheai.NotFoundError),
        (409, cacheai.ConflictError),
        (422, cacheai.UnprocessableEntityError),
        (429, cacheai.RateLimitError),
        (500, cacheai.InternalServerError),
        (502, cacheai.InternalServerError),
        (503, cacheai.InternalServerError),
        (599, cacheai.InternalServerError),
        (402, cacheai.APIStatusError),
        (405, cacheai.APIStatusError),
        (408, cacheai.APIStatusError),
        (413, cacheai.APIStatusError),
        (418, cacheai.APIStatusError),
    ],
)
def test_status_to_class(mock_api, client, status, cls):
    error = fail(mock_api, client, Reply(status, json={"error": {"message": "boom"}}))
    assert type(error) is cls
    assert error.status_code == status
    assert error.response.status_code == status
    assert str(error) == f"Error code: {status} - boom"
    assert isinstance(error, cacheai.APIStatusError)
    assert isinstance(error, cacheai.APIError)
    assert isinstance(error, cacheai.OpenAIError)


def test_hierarchy_and_aliases():
    assert cacheai.CacheAIError is cacheai.OpenAIError
    assert issubclass(cacheai.APIError, cacheai.OpenAIError)
    assert issubclass(cacheai.APITimeoutError, cacheai.APIConnectionError)
    assert issubclass(cacheai.APIConnectionError, cacheai.APIError)
    assert issubclass(cacheai.APIResponseValidationError, cacheai.APIError)
    assert issubclass(cacheai.RateLimitError, cacheai.APIStatusError)
    assert not issubclass(cacheai.APIStatusError, cacheai.APIConnectionError)
    assert issubclass(cacheai.LengthFinishReasonError, cacheai.OpenAIError)
    assert issubclass(cacheai.ContentFilterFinishReasonError, cacheai.OpenAIError)


def test_openai_error_envelope(mock_api, client):
    error = fail(mock_api, client, Reply(429, json=OPENAI_ERROR, headers={"x-request-id": "req_123"}))
    assert isinstance(error, cacheai.RateLimitError)
    assert str(error) == "Error code: 429 - Rate limited!"
    assert error.message == "Error code: 429 - Rate limited!"
    assert error.body == OPENAI_ERROR["error"]
    assert error.code == "rate_limit_exceeded"
    assert error.type == "requests"
    assert error.param is None
    assert error.request_id == "req_123"
    assert error.request is not None
    assert error.request.url == CHAT_URL


def test_request_id_is_none_without_the_header(mock_api, client):
    assert fail(mock_api, client, Reply(400, json=OPENAI_ERROR)).request_id is None


def test_integer_code_is_stringified(mock_api, client):
    body = {"error": {"message": "bad param", "type": "invalid_request_error", "param": "model", "code": 123}}
    error = fail(mock_api, client, Reply(400, json=body))
    assert error.code == "123"
    assert error.param == "model"
    assert error.type == "invalid_request_error"
    assert error.body == body["error"]


def test_null_code_stays_none(mock_api, client):
    error = fail(mock_api, client, Reply(403, json={"error": {"message": "no", "code": None}}))
    assert error.code is None


def test_error_as_a_string(mock_api, client):
    error = fail(mock_api, client, Reply(400, json={"error": "teapot"}))
    assert error.body == "teapot"
    assert str(error) == "Error code: 400 - teapot"  # deliberate: the server's text is kept
    assert error.code is None and error.type is None and error.param is None


def test_vllm_object_error(mock_api, client):
    body = {"object": "error", "message": "max_tokens is too large", "type": "BadRequestError", "param": None,
            "code": 400}
    error = fail(mock_api, client, Reply(400, json=body))
    assert isinstance(error, cacheai.BadRequestError)
    assert str(error) == "Error code: 400 - max_tokens is too large"
    assert error.body == body
    assert error.code == "400"
    assert error.type == "BadRequestError"


def test_fastapi_detail_string(mock_api, client):
    error = fail(mock_api, client, Reply(401, json={"detail": "Not authenticated"}))
    assert isinstance(error, cacheai.AuthenticationError)
    assert str(error) == "Error code: 401 - Not authenticated"
    assert error.body == {"detail": "Not authenticated"}


def test_fastapi_validation_detail_list(mock_api, client):
    body = {"detail": [
        {"loc": ["body", "messages"], "msg": "Field required", "type": "missing"},
        {"loc": ["body", "temperature"], "msg": "Input should be a valid number", "type": "float_parsing"},
    ]}
    error = fail(mock_api, client, Reply(422, json=body))
    assert isinstance(error, cacheai.UnprocessableEntityError)
    message = str(error)
    assert message.startswith("Error code: 422 - ")
    assert "Field required" in message
    assert "body.messages" in message
    assert "Input should be a valid number" in message
    assert error.body == body


def test_gemini_json_array(mock_api, client):
    body = [{"error": {"code": 400, "message": "API key not valid.", "status": "INVALID_ARGUMENT"}}]
    error = fail(mock_api, client, Reply(400, json=body))
    assert isinstance(error, cacheai.BadRequestError)
    assert str(error) == "Error code: 400 - API key not valid."
    assert error.body == body


def test_html_page_is_reduced_to_its_title(mock_api, client):
    html = (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>502 Bad Gateway</title></head>"
        "<body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>"
    )
    error = fail(mock_api, client, Reply(502, body=html, headers={"Content-Type": "text/html"}))
    assert isinstance(error, cacheai.InternalServerError)
    assert str(error) == "Error code: 502 - 502 Bad Gateway"
    assert error.body == html.strip()


def test_html_without_title_is_flattened_to_text(mock_api, client):
    error = fail(mock_api, client, Reply(503, body="<html><body><h1>Service\n  Unavailable</h1></body></html>"))
    assert str(error) == "Error code: 503 - Service Unavailable"
    assert "<" not in str(error)


def test_plain_text_body(mock_api, client):
    error = fail(mock_api, client, Reply(404, body="404 page not found\n"))
    assert isinstance(error, cacheai.NotFoundError)
    assert str(error) == "Error code: 404 - 404 page not found"
    assert error.body == "404 page not found"


def test_empty_body(mock_api, client):
    error = fail(mock_api, client, Reply(500, body=""))
    assert isinstance(error, cacheai.InternalServerError)
    assert str(error) == "Error code: 500"
    assert error.body == ""
    assert error.code is None


def test_whitespace_only_body(mock_api, client):
    error = fail(mock_api, client, Reply(503, body="  \n "))
    assert str(error) == "Error code: 503"


def test_empty_message_gives_the_bare_code(mock_api, client):
    error = fail(mock_api, client, Reply(409, json={"error": {"message": "", "type": "conflict"}}))
    assert str(error) == "Error code: 409"
    assert error.type == "conflict"


def test_non_string_message_gives_the_bare_code(mock_api, client):
    assert str(fail(mock_api, client, Reply(400, json={"error": {"message": 5}}))) == "Error code: 400"


def test_inner_error_message_wins_over_top_level_message(mock_api, client):
    error = fail(mock_api, client, Reply(429, json={"message": "outer", "error": {"message": "inner"}}))
    assert str(error) == "Error code: 429 - inner"
    assert error.body == {"message": "inner"}


def test_json_scalar_bodies(mock_api, client):
    assert fail(mock_api, client, Reply(400, json=42)).body == 42


def test_truncated_json_is_kept_as_text(mock_api, client):
    error = fail(mock_api, client, Reply(400, body='{"error": {"message": "trunc'))
    assert error.body == '{"error": {"message": "trunc'
    assert str(error).startswith("Error code: 400")


def test_undecodable_bytes_never_raise(mock_api, client):
    error = fail(mock_api, client, Reply(400, body=b"\xff\xfe\x00\x81garbage\xc3",
                                         headers={"Content-Type": "application/json"}))
    assert isinstance(error, cacheai.BadRequestError)
    assert str(error).startswith("Error code: 400")


def test_body_that_cannot_be_decoded_never_raises(mock_api, client):
    # Content-Encoding says gzip but the bytes are not: reading the body itself fails.
    error = fail(mock_api, client, Reply(500, body=b"definitely not gzip", headers={"Content-Encoding": "gzip"}))
    assert isinstance(error, cacheai.InternalServerError)
    assert str(error) == "Error code: 500"


def test_gzipped_error_body_is_decoded(mock_api, client):
    raw = gzip.compress(json.dumps(OPENAI_ERROR).encode())
    error = fail(mock_api, client, Reply(429, body=raw, headers={"Content-Encoding": "gzip"}))
    assert str(error) == "Error code: 429 - Rate limited!"


def test_utf8_message(mock_api, client):
    error = fail(mock_api, client, Reply(400, json={"error": {"message": "modèle inconnu ✗"}}))
    assert str(error) == "Error code: 400 - modèle inconnu ✗"


# -- agreement with openai 3.57 for the standard shape -------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (429, OPENAI_ERROR),
        (400, {"error": {"message": "bad", "type": "invalid_request_error", "param": "model", "code": 7}}),
        (404, {"error": {"message": "The model `x` does not exist", "type": None, "param": None, "code": None}}),
        (500, {"message": "top-level message", "code": "E1"}),
    ],
)
def test_matches_openai_for_standard_bodies(mock_api, client, status, body):
    import httpx2

    ours = fail(mock_api, client, Reply(status, json=body))
    request = httpx2.Request("POST", "http://x/chat/completions")
    response = httpx2.Response(status, json=body, request=request)
    theirs = openai.OpenAI(api_key="k", base_url="http://x")._make_status_error_from_response(response)
    assert type(ours).__name__ == type(theirs).__name__
    assert str(ours) == str(theirs)
    assert ours.body == theirs.body
    assert (ours.code, ours.param, ours.type) == (theirs.code, theirs.param, theirs.type)


# -- direct construction -------------------------------------------------------------------------------------


def test_api_error_attributes_from_a_dict_body():
    error = cacheai.APIError("boom", None, body={"code": 5, "param": "p", "type": "t"})
    assert str(error) == "boom"
    assert (error.code, error.param, error.type) == ("5", "p", "t")
    assert cacheai.APIError("boom", None, body="text").code is None


def test_connection_and_timeout_default_messages():
    assert str(cacheai.APIConnectionError(request=None)) == "Connection error."
    assert str(cacheai.APITimeoutError(None)) == "Request timed out."
    assert cacheai.APIConnectionError(request=None).body is None

