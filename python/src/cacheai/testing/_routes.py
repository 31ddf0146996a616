"""The fake API's endpoints: from a recorded request to an outcome (JSON, bytes or an event stream)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from email.parser import BytesParser
from email.policy import HTTP
from typing import TYPE_CHECKING, Any, get_args

from ..types.file_purpose import FilePurpose
from . import _shapes
from ._media import MEDIA_ROUTES
from ._outcomes import BytesOutcome, Handler, JsonOutcome, Outcome, StreamOutcome, error, json_body
from ._records import RecordedRequest
from ._replies import Reply, echo, prompt_tokens
from ._response_store import input_items_of
from ._schema_instance import NoInstance
from ._validation import (
    Problem,
    chat_problem,
    compact_problem,
    completion_problem,
    invalid_value,
    response_problem,
)

if TYPE_CHECKING:
    from ._server import FakeOpenAIServer

__all__ = ["BytesOutcome", "JsonOutcome", "Outcome", "StreamOutcome", "parse_multipart", "route"]

_FILE_PURPOSES: tuple[str, ...] = get_args(FilePurpose)


def invalid(problem: Problem) -> JsonOutcome:
    """OpenAI's 400 ``invalid_request_error`` for what ``_validation`` found."""
    message, param, code = problem
    return error(400, message, param=param, code=code)


def checked_body(
    request: RecordedRequest, problem_of: Callable[[dict[str, Any]], Problem | None]
) -> dict[str, Any] | JsonOutcome:
    """The request's JSON body, or the 400 OpenAI answers it with (not JSON, or what ``problem_of`` finds)."""
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    problem = problem_of(body)
    return body if problem is None else invalid(problem)


def _input_tokens_problem(body: Mapping[str, Any]) -> Problem | None:
    return response_problem(body, input_required=False)  # a count may rest on previous_response_id alone


def _stream_requested(body: Mapping[str, Any]) -> bool:
    return body.get("stream") is True


# --- chat, completions, responses -----------------------------------------------------------------------


def chat_completions(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    body = checked_body(request, chat_problem)
    if isinstance(body, JsonOutcome):
        return body
    try:
        reply = fake._next_reply(request, body)
    except NoInstance as exc:  # the default model cannot answer the request's schema
        return error(400, str(exc))
    if _stream_requested(body):
        return StreamOutcome(_shapes.chat_chunks(body, reply, default_model=fake.default_model))
    return JsonOutcome(200, _shapes.chat_completion(body, reply, default_model=fake.default_model))


def completions(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    body = checked_body(request, completion_problem)
    if isinstance(body, JsonOutcome):
        return body
    replies = [fake._next_reply(request, body, default=Reply(content=echo(p))) for p in _shapes.prompts_of(body)]
    if _stream_requested(body):
        return StreamOutcome(_shapes.completion_chunks(body, replies, default_model=fake.default_model))
    return JsonOutcome(200, _shapes.completion(body, replies, default_model=fake.default_model))


def responses(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    body = checked_body(request, response_problem)
    if isinstance(body, JsonOutcome):
        return body
    try:
        reply = fake._next_reply(request, _shapes.responses_as_chat(body))
    except NoInstance as exc:
        return error(400, str(exc))
    response = _shapes.response_object(body, reply, default_model=fake.default_model)
    fake._responses.add(body, response)
    if _stream_requested(body):
        return StreamOutcome(_shapes.stream_events_of(response), named=True, done=False)
    return JsonOutcome(200, response)


def count_input_tokens(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    """``responses.input_tokens.count``: the input tokens the fake model would count for this request."""
    body = checked_body(request, _input_tokens_problem)
    if isinstance(body, JsonOutcome):
        return body
    tokens = prompt_tokens(_shapes.responses_as_chat(body)["messages"])
    return JsonOutcome(200, {"object": "response.input_tokens", "input_tokens": tokens})


def compact_response(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    """``responses.compact``: the stored conversation of ``previous_response_id`` (its input and output) and
    ``input`` after it, as one compaction item."""
    body = checked_body(request, compact_problem)
    if isinstance(body, JsonOutcome):
        return body
    items: list[dict[str, Any]] = []
    previous = body.get("previous_response_id")
    if previous is not None:
        stored = fake._responses.get(previous)
        if stored is None:
            return _no_such_response(previous)
        items = (fake._responses.input_items(previous) or []) + stored["output"]
    return JsonOutcome(200, _shapes.compacted_response(body, items + input_items_of(body)))


def retrieve_response(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    """A stored response; with ``stream=true``, its events again (those after ``starting_after``)."""
    response = fake._responses.get(match["id"])
    if response is None:
        return _no_such_response(match["id"])
    if request.query.get("stream") != "true":
        return JsonOutcome(200, response)
    after = request.query.get("starting_after", "-1")
    try:
        first = int(after) + 1
    except ValueError:
        message = f"Invalid type for 'starting_after': expected an integer, but got '{after}' instead."
        return error(400, message, param="starting_after", code="invalid_type")
    events = (event for event in _shapes.stream_events_of(response) if event["sequence_number"] >= first)
    return StreamOutcome(events, named=True, done=False)


def delete_response(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    if not fake._responses.delete(match["id"]):
        return _no_such_response(match["id"])
    return JsonOutcome(200, {"id": match["id"], "object": "response.deleted", "deleted": True})


def list_input_items(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    items = fake._responses.input_items(match["id"])
    if items is None:
        return _no_such_response(match["id"])
    return _list_page(items[::-1], request.query)


def _no_such_response(response_id: str) -> JsonOutcome:
    return error(404, f"Response with id '{response_id}' not found.", param="response_id")


def embeddings(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    texts = _shapes.embedding_inputs(body)
    if texts is None:
        return error(400, "'input' must be a non-empty string, array of strings or array of tokens.", param="input")
    dimensions = body.get("dimensions", fake.embedding_dimensions)
    if not isinstance(dimensions, int) or dimensions < 1:
        return error(400, "'dimensions' must be a positive integer.", param="dimensions")
    return JsonOutcome(
        200,
        _shapes.embeddings(body, texts, dimensions=dimensions, default_model=fake.default_embedding_model),
    )


# --- models ---------------------------------------------------------------------------------------------


def list_models(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    return JsonOutcome(200, {"object": "list", "data": [_shapes.model_object(m) for m in fake.models]})


def retrieve_model(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    model_id = match["id"]
    if model_id not in fake.models:
        return error(404, f"The model '{model_id}' does not exist", param="model", code="model_not_found")
    return JsonOutcome(200, _shapes.model_object(model_id))


# --- files ----------------------------------------------------------------------------------------------


def create_file(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    form = request.body if isinstance(request.body, dict) else {}
    upload = form.get("file")
    purpose = form.get("purpose")
    if not isinstance(upload, bytes):
        return error(400, "Missing required parameter: 'file'.", param="file")
    if not isinstance(purpose, str):
        return error(400, "Missing required parameter: 'purpose'.", param="purpose")
    if purpose not in _FILE_PURPOSES:
        return error(400, invalid_value(purpose, _FILE_PURPOSES), param="purpose", code="invalid_value")
    filename = form.get("file.filename")
    stored = fake._files.add(filename if isinstance(filename, str) else "upload", purpose, upload)
    return JsonOutcome(200, stored.to_json())


def list_files(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    files = [f.to_json() for f in reversed(fake._files.matching(request.query.get("purpose")))]
    return _list_page(files, request.query, default_limit=10_000)


def retrieve_file(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    stored = fake._files.get(match["id"])
    return JsonOutcome(200, stored.to_json()) if stored else _no_such("file", match["id"])


def delete_file(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    if not fake._files.delete(match["id"]):
        return _no_such("file", match["id"])
    return JsonOutcome(200, {"id": match["id"], "object": "file", "deleted": True})


def file_content(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    stored = fake._files.get(match["id"])
    return BytesOutcome(200, stored.content, "application/octet-stream") if stored else _no_such("file", match["id"])


# --- batches --------------------------------------------------------------------------------------------


def create_batch(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    status, result = fake._batches.create(body)
    if status != 200:
        return error(status, result["message"], param=result["param"])
    return JsonOutcome(200, result)


def list_batches(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    return _cursor_page(fake._batches.newest_first(), request.query)


def retrieve_batch(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    batch = fake._batches.retrieve(match["id"])
    return JsonOutcome(200, batch) if batch else _no_such("batch", match["id"])


def cancel_batch(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    batch = fake._batches.cancel(match["id"])
    return JsonOutcome(200, batch) if batch else _no_such("batch", match["id"])


def _no_such(kind: str, object_id: str) -> JsonOutcome:
    return error(404, f"No such {kind}: '{object_id}'", param="id", code="not_found")


def _list_page(newest_first: list[dict[str, Any]], query: Mapping[str, str], *, default_limit: int = 20) -> JsonOutcome:
    """A cursor page of items kept newest first; ``order=asc`` turns them round."""
    order = query.get("order", "desc")
    if order not in ("asc", "desc"):
        return error(400, invalid_value(order, ("asc", "desc")), param="order", code="invalid_value")
    items = list(reversed(newest_first)) if order == "asc" else newest_first
    return _cursor_page(items, query, default_limit=default_limit)


def _cursor_page(items: list[dict[str, Any]], query: Mapping[str, str], *, default_limit: int = 20) -> JsonOutcome:
    """The page of ``items`` after the id ``after``, at most ``limit`` long (OpenAI's 400 for a bad ``limit``)."""
    limit_text = query.get("limit", str(default_limit))
    try:
        limit = int(limit_text)
    except ValueError:
        message = f"Invalid type for 'limit': expected an integer, but got '{limit_text}' instead."
        return error(400, message, param="limit", code="invalid_type")
    if limit < 1:
        message = f"Invalid 'limit': integer below minimum value. Expected a value >= 1, but got {limit} instead."
        return error(400, message, param="limit", code="integer_below_min_value")
    after = query.get("after")
    if after is not None:
        ids = [item["id"] for item in items]
        items = items[ids.index(after) + 1 :] if after in ids else []
    page = items[:limit]
    return JsonOutcome(
        200,
        {
            "object": "list",
            "data": page,
            "first_id": page[0]["id"] if page else None,
            "last_id": page[-1]["id"] if page else None,
            "has_more": len(items) > limit,
        },
    )


def parse_multipart(content_type: str, raw: bytes) -> dict[str, Any]:
    """The fields of a multipart/form-data body: text as str, files as bytes (plus ``<name>.filename``), the
    values of an array field ``<name>[]`` as a list."""
    message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw)
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        if name.endswith("[]"):  # an array field (``include[]``, ``image[]``): every value, in order
            fields.setdefault(name, []).append(data if filename is not None else data.decode("utf-8", "replace"))
        elif filename is not None:
            fields[name] = data
            fields[f"{name}.filename"] = filename
        else:
            fields[name] = data.decode("utf-8", errors="replace")
    return fields


_ROUTES: list[tuple[str, re.Pattern[str], Handler]] = [
    ("POST", re.compile(r"/chat/completions"), chat_completions),
    ("POST", re.compile(r"/completions"), completions),
    ("POST", re.compile(r"/responses"), responses),
    ("POST", re.compile(r"/responses/input_tokens"), count_input_tokens),
    ("POST", re.compile(r"/responses/compact"), compact_response),
    ("GET", re.compile(r"/responses/(?P<id>[^/]+)"), retrieve_response),
    ("DELETE", re.compile(r"/responses/(?P<id>[^/]+)"), delete_response),
    ("GET", re.compile(r"/responses/(?P<id>[^/]+)/input_items"), list_input_items),
    ("POST", re.compile(r"/embeddings"), embeddings),
    ("GET", re.compile(r"/models"), list_models),
    ("GET", re.compile(r"/models/(?P<id>.+)"), retrieve_model),
    ("POST", re.compile(r"/files"), create_file),
    ("GET", re.compile(r"/files"), list_files),
    ("GET", re.compile(r"/files/(?P<id>[^/]+)"), retrieve_file),
    ("DELETE", re.compile(r"/files/(?P<id>[^/]+)"), delete_file),
    ("GET", re.compile(r"/files/(?P<id>[^/]+)/content"), file_content),
    ("POST", re.compile(r"/batches"), create_batch),
    ("GET", re.compile(r"/batches"), list_batches),
    ("GET", re.compile(r"/batches/(?P<id>[^/]+)"), retrieve_batch),
    ("POST", re.compile(r"/batches/(?P<id>[^/]+)/cancel"), cancel_batch),
    *MEDIA_ROUTES,
]


# Fine-tuning jobs, uploads and vector stores: their handlers use the helpers above.
from ._storage_routes import STORAGE_ROUTES  # noqa: E402

_ROUTES.extend(STORAGE_ROUTES)

from ._voices import VOICE_ROUTES  # noqa: E402  (custom voices and their consents)

_ROUTES.extend(VOICE_ROUTES)


def route(fake: FakeOpenAIServer, request: RecordedRequest) -> Outcome:
    """Answer a request; paths are accepted with or without the ``/v1`` prefix."""
    path = request.path[3:] if request.path.startswith("/v1/") else request.path
    path = path.rstrip("/") or "/"
    allowed = False
    for method, pattern, handler in _ROUTES:
        match = pattern.fullmatch(path)
        if match is None:
            continue
        if method == request.method:
            return handler(fake, request, match)
        allowed = True
    if allowed:
        return error(405, f"Method {request.method} is not allowed on {request.path}")
    return error(404, f"Unknown request URL: {request.method} {request.path}.", code="unknown_url")
