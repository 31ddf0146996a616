"""The ``cacheai`` logger: retry lines at INFO, and an API key never in logs, reprs or exception messages."""

from __future__ import annotations

import logging

import pytest
import requests

import cacheai
from cacheai._logs import setup_logging

from ._helpers import BASE_URL, CHAT_URL, MESSAGES, Reply, chunk_json, chunked_body, ok, serve, sse

SECRET = "sk-proj-S3CRETkey0123456789abcdefXYZ"


def create(client: cacheai.CacheAI) -> object:
    return client.chat.completions.create(model="m", messages=MESSAGES)


def all_logged_text(caplog: pytest.LogCaptureFixture) -> str:
    """Everything the records could show: the formatted text plus each record's raw msg and args."""
    parts = [caplog.text]
    for record in caplog.records:
        parts.append(record.getMessage())
        parts.append(repr(record.msg))
        parts.append(repr(record.args))
    return "\n".join(parts)


# -- retry lines ---------------------------------------------------------------------------------------------


def test_retry_lines_at_info(mock_api, client, caplog):
    caplog.set_level(logging.INFO, logger="cacheai")
    serve(mock_api, "POST", CHAT_URL, Reply(429, body="slow", headers={"retry-after-ms": "10"}), Reply(503, body="x"),
          ok())
    create(client)
    retries = [r for r in caplog.records if r.name == "cacheai" and "Retrying" in r.getMessage()]
    assert len(retries) == 2
    assert all(r.levelno == logging.INFO for r in retries)
    assert "0.01" in retries[0].getMessage()
    assert "(retry 1 of 2)" in retries[0].getMessage()
    assert "(retry 2 of 2)" in retries[1].getMessage()


def test_connection_error_retry_is_logged(mock_api, client, caplog):
    caplog.set_level(logging.INFO, logger="cacheai")
    serve(mock_api, "POST", CHAT_URL, requests.exceptions.ConnectionError("refused"), ok())
    create(client)
    assert [r.levelno for r in caplog.records if "Retrying" in r.getMessage()] == [logging.INFO]


def test_no_retry_lines_without_retries(mock_api, client, caplog):
    caplog.set_level(logging.INFO, logger="cacheai")
    serve(mock_api, "POST", CHAT_URL, ok())
    create(client)
    assert not [r for r in caplog.records if "Retrying" in r.getMessage()]


def test_nothing_above_debug_on_success(mock_api, client, caplog):
    caplog.set_level(logging.DEBUG)
    serve(mock_api, "POST", CHAT_URL, ok())
    create(client)
    assert not [r for r in caplog.records if r.name.startswith("cacheai") and r.levelno >= logging.INFO]


def test_each_request_is_logged_at_debug_without_its_query(mock_api, caplog):
    caplog.set_level(logging.DEBUG, logger="cacheai")
    client = cacheai.CacheAI(base_url=BASE_URL, default_query={"api-version": "2024-10-21", "key": SECRET})
    serve(mock_api, "POST", CHAT_URL, ok())
    create(client)
    lines = [r.getMessage() for r in caplog.records if r.name == "cacheai" and r.levelno == logging.DEBUG]
    assert any("POST" in line and CHAT_URL in line and "200" in line for line in lines), lines
    assert not any("?" in line or "api-version" in line for line in lines)
    assert SECRET not in all_logged_text(caplog)


# -- secrets -------------------------------------------------------------------------------------------------


def test_key_not_logged_through_retries_and_an_error(mock_api, caplog):
    caplog.set_level(logging.DEBUG)
    client = cacheai.CacheAI(api_key=SECRET, base_url=BASE_URL)
    serve(
        mock_api, "POST", CHAT_URL,
        Reply(503, body="busy"),
        requests.exceptions.ConnectionError("connection reset"),
        Reply(401, json={"error": {"message": "Incorrect API key provided", "code": "invalid_api_key"}}),
    )
    with pytest.raises(cacheai.AuthenticationError) as info:
        create(client)
    assert caplog.records  # something was logged
    assert SECRET not in all_logged_text(caplog)
    assert SECRET not in str(info.value)
    assert SECRET not in repr(info.value)


def test_provider_key_not_logged(mock_api, caplog):
    caplog.set_level(logging.DEBUG)
    client = cacheai.CacheAI(api_key=lambda: SECRET, base_url=BASE_URL)
    serve(mock_api, "POST", CHAT_URL, Reply(500, body="x"), Reply(400, json={"error": {"message": "bad"}}))
    with pytest.raises(cacheai.BadRequestError):
        create(client)
    assert SECRET not in all_logged_text(caplog)


def test_key_in_the_query_string_is_not_logged(mock_api, caplog):
    # Azure-style `api-key` and Gemini-style `key` query parameters; requests' own connection errors quote
    # the full URL, query string included, so the retry reason must not repeat it verbatim.
    caplog.set_level(logging.DEBUG)
    client = cacheai.CacheAI(base_url=BASE_URL, default_query={"api-key": SECRET, "key": SECRET})
    url_in_error = f"/v1/chat/completions?api-key={SECRET}&key={SECRET}"
    error = requests.exceptions.ConnectionError(
        f"HTTPConnectionPool(host='api.test', port=80): Max retries exceeded with url: {url_in_error} "
        "(Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))"
    )
    serve(mock_api, "POST", CHAT_URL, Reply(503, body="busy"), error, Reply(500, body="x"))
    with pytest.raises(cacheai.InternalServerError) as info:
        create(client)
    assert SECRET not in all_logged_text(caplog)
    assert SECRET not in str(info.value)


def test_key_not_in_client_repr(client):
    keyed = cacheai.CacheAI(api_key=SECRET, base_url=BASE_URL, organization="org-1")
    assert SECRET not in repr(keyed)
    assert SECRET not in str(keyed)
    assert SECRET not in repr(keyed.with_options(timeout=3))


def test_key_not_in_connection_and_timeout_errors(mock_api):
    client = cacheai.CacheAI(api_key=SECRET, base_url=BASE_URL, max_retries=0)
    serve(mock_api, "POST", CHAT_URL, requests.exceptions.ConnectionError("refused"))
    with pytest.raises(cacheai.APIConnectionError) as info:
        create(client)
    assert SECRET not in str(info.value) and SECRET not in repr(info.value)
    mock_api.reset()
    serve(mock_api, "POST", CHAT_URL, requests.exceptions.ReadTimeout("slow"))
    with pytest.raises(cacheai.APITimeoutError) as info:
        create(client)
    assert SECRET not in str(info.value) and SECRET not in repr(info.value)


def test_key_not_in_stream_errors(mock_api, caplog):
    caplog.set_level(logging.DEBUG)
    client = cacheai.CacheAI(api_key=SECRET, base_url=BASE_URL)
    body = sse(chunk_json("a"), {"error": {"message": "overloaded"}})
    mock_api.post(CHAT_URL, body=chunked_body([body]), content_type="text/event-stream")
    stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)
    with pytest.raises(cacheai.APIError) as info:
        list(stream)
    assert SECRET not in str(info.value) and SECRET not in repr(info.value)
    assert SECRET not in all_logged_text(caplog)


def test_logger_filter_masks_bearer_tokens(caplog):
    caplog.set_level(logging.DEBUG, logger="cacheai")
    logging.getLogger("cacheai").warning("sent header Authorization: Bearer %s", SECRET)
    logging.getLogger("cacheai").warning("api_key=%s", SECRET)
    assert SECRET not in caplog.text


# -- CACHEAI_LOG / OPENAI_LOG --------------------------------------------------------------------------------


@pytest.fixture
def restore_logger():
    logger = logging.getLogger("cacheai")
    level, filters, root_handlers = logger.level, list(logger.filters), list(logging.root.handlers)
    yield logger
    logger.setLevel(level)
    logger.filters[:] = filters
    logging.root.handlers[:] = root_handlers


@pytest.mark.parametrize(
    ("env", "value", "level"),
    [
        ("CACHEAI_LOG", "debug", logging.DEBUG),
        ("CACHEAI_LOG", "INFO", logging.INFO),
        ("CACHEAI_LOG", "warning", logging.WARNING),
        ("OPENAI_LOG", "error", logging.ERROR),
        ("OPENAI_LOG", "critical", logging.CRITICAL),
    ],
)
def test_log_level_from_env(monkeypatch, restore_logger, env, value, level):
    restore_logger.setLevel(logging.NOTSET)
    monkeypatch.setenv(env, value)
    setup_logging()
    assert restore_logger.level == level


def test_unknown_log_level_is_ignored(monkeypatch, restore_logger):
    restore_logger.setLevel(logging.NOTSET)
    monkeypatch.setenv("CACHEAI_LOG", "verbose")
    setup_logging()
    assert restore_logger.level == logging.NOTSET
