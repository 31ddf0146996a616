"""The fake API's fine-tuning, uploads and vector store endpoints (their state is in ``_storage``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ._outcomes import Handler, JsonOutcome, Outcome, error, json_body
from ._records import RecordedRequest
from ._routes import _list_page, _no_such
from ._storage import Problem
from ._validation import invalid_value

if TYPE_CHECKING:
    from ._server import FakeOpenAIServer

__all__ = ["STORAGE_ROUTES"]


def _answer(result: dict[str, Any] | Problem | None, kind: str, object_id: str) -> JsonOutcome:
    if result is None:
        return _no_such(kind, object_id)
    if isinstance(result, tuple):
        status, message, param = result
        return error(status, message, param=param)
    return JsonOutcome(200, result)


_FILE_STATUSES = ("in_progress", "completed", "failed", "cancelled")


def _status_filter(request: RecordedRequest) -> str | JsonOutcome | None:
    """The ``filter`` of a vector store file list (a file status), or OpenAI's 400 for another value."""
    status = request.query.get("filter")
    if status is None or status in _FILE_STATUSES:
        return status
    return error(400, invalid_value(status, _FILE_STATUSES), param="filter")


# --- fine-tuning ----------------------------------------------------------------------------------------


def create_job(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    body = json_body(request)
    return body if isinstance(body, JsonOutcome) else _answer(fake._storage.jobs.create(body), "job", "")


def list_jobs(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    metadata = {key[9:-1]: value for key, value in request.query.items() if re.fullmatch(r"metadata\[.+\]", key)}
    return _list_page(fake._storage.jobs.newest_first(metadata), request.query)


def retrieve_job(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    return _answer(fake._storage.jobs.retrieve(match["id"]), "fine-tuning job", match["id"])


def cancel_job(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    return _answer(fake._storage.jobs.cancel(match["id"]), "fine-tuning job", match["id"])


def pause_job(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    return _answer(fake._storage.jobs.pause(match["id"], paused=True), "fine-tuning job", match["id"])


def resume_job(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    return _answer(fake._storage.jobs.pause(match["id"], paused=False), "fine-tuning job", match["id"])


def job_events(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    events = fake._storage.jobs.events(match["id"])
    return _no_such("fine-tuning job", match["id"]) if events is None else _list_page(events, request.query)


def job_checkpoints(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    checkpoints = fake._storage.jobs.checkpoints(match["id"])
    return _no_such("fine-tuning job", match["id"]) if checkpoints is None else _list_page(checkpoints, request.query)


# --- uploads --------------------------------------------------------------------------------------------


def create_upload(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    body = json_body(request)
    return body if isinstance(body, JsonOutcome) else _answer(fake._storage.uploads.create(body), "upload", "")


def add_part(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    form = request.body if isinstance(request.body, dict) else {}
    return _answer(fake._storage.uploads.add_part(match["id"], form.get("data")), "upload", match["id"])


def complete_upload(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    return _answer(fake._storage.uploads.complete(match["id"], body), "upload", match["id"])


def cancel_upload(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    return _answer(fake._storage.uploads.cancel(match["id"]), "upload", match["id"])


# --- vector stores --------------------------------------------------------------------------------------


def create_store(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    body = json_body(request)
    return body if isinstance(body, JsonOutcome) else _answer(fake._storage.vector_stores.create(body), "store", "")


def list_stores(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    return _list_page(fake._storage.vector_stores.newest_first(), request.query)


def retrieve_store(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    return _answer(fake._storage.vector_stores.retrieve(match["vs"]), "vector store", match["vs"])


def update_store(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    return _answer(fake._storage.vector_stores.update(match["vs"], body), "vector store", match["vs"])


def delete_store(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    if not fake._storage.vector_stores.delete(match["vs"]):
        return _no_such("vector store", match["vs"])
    return JsonOutcome(200, {"id": match["vs"], "object": "vector_store.deleted", "deleted": True})


def search_store(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    return _answer(fake._storage.vector_stores.search(match["vs"], body), "vector store", match["vs"])


def attach_file(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    return _answer(fake._storage.vector_stores.attach(match["vs"], body), "vector store", match["vs"])


def list_store_files(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    if fake._storage.vector_stores.retrieve(match["vs"]) is None:
        return _no_such("vector store", match["vs"])
    status = _status_filter(request)
    if isinstance(status, JsonOutcome):
        return status
    return _list_page(fake._storage.vector_stores.files_of(match["vs"], status), request.query)


def retrieve_store_file(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    return _answer(fake._storage.vector_stores.file(match["vs"], match["id"]), "vector store file", match["id"])


def update_store_file(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    updated = fake._storage.vector_stores.update_file(match["vs"], match["id"], body)
    return _answer(updated, "vector store file", match["id"])


def detach_file(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    if not fake._storage.vector_stores.detach(match["vs"], match["id"]):
        return _no_such("vector store file", match["id"])
    return JsonOutcome(200, {"id": match["id"], "object": "vector_store.file.deleted", "deleted": True})


def store_file_content(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    parts = fake._storage.vector_stores.content(match["vs"], match["id"])
    if parts is None:
        return _no_such("vector store file", match["id"])
    page = {"object": "vector_store.file_content.page", "data": parts, "has_more": False, "next_page": None}
    return JsonOutcome(200, page)


def create_file_batch(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    return _answer(fake._storage.vector_stores.create_batch(match["vs"], body), "vector store", match["vs"])


def retrieve_file_batch(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    return _answer(fake._storage.vector_stores.batch(match["vs"], match["id"]), "file batch", match["id"])


def cancel_file_batch(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    return _answer(fake._storage.vector_stores.cancel_batch(match["vs"], match["id"]), "file batch", match["id"])


def list_batch_files(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    stores = fake._storage.vector_stores
    ids = stores.batch_file_ids(match["vs"], match["id"])
    if ids is None:
        return _no_such("file batch", match["id"])
    status = _status_filter(request)
    if isinstance(status, JsonOutcome):
        return status
    return _list_page(stores.files_of(match["vs"], status, ids), request.query)


_JOB = r"/fine_tuning/jobs/(?P<id>[^/]+)"
_STORE = r"/vector_stores/(?P<vs>[^/]+)"
STORAGE_ROUTES: list[tuple[str, re.Pattern[str], Handler]] = [
    ("POST", re.compile(r"/fine_tuning/jobs"), create_job),
    ("GET", re.compile(r"/fine_tuning/jobs"), list_jobs),
    ("GET", re.compile(_JOB), retrieve_job),
    ("POST", re.compile(_JOB + "/cancel"), cancel_job),
    ("POST", re.compile(_JOB + "/pause"), pause_job),
    ("POST", re.compile(_JOB + "/resume"), resume_job),
    ("GET", re.compile(_JOB + "/events"), job_events),
    ("GET", re.compile(_JOB + "/checkpoints"), job_checkpoints),
    ("POST", re.compile(r"/uploads"), create_upload),
    ("POST", re.compile(r"/uploads/(?P<id>[^/]+)/parts"), add_part),
    ("POST", re.compile(r"/uploads/(?P<id>[^/]+)/complete"), complete_upload),
    ("POST", re.compile(r"/uploads/(?P<id>[^/]+)/cancel"), cancel_upload),
    ("POST", re.compile(r"/vector_stores"), create_store),
    ("GET", re.compile(r"/vector_stores"), list_stores),
    ("GET", re.compile(_STORE), retrieve_store),
    ("POST", re.compile(_STORE), update_store),
    ("DELETE", re.compile(_STORE), delete_store),
    ("POST", re.compile(_STORE + "/search"), search_store),
    ("POST", re.compile(_STORE + "/files"), attach_file),
    ("GET", re.compile(_STORE + "/files"), list_store_files),
    ("GET", re.compile(_STORE + "/files/(?P<id>[^/]+)"), retrieve_store_file),
    ("POST", re.compile(_STORE + "/files/(?P<id>[^/]+)"), update_store_file),
    ("DELETE", re.compile(_STORE + "/files/(?P<id>[^/]+)"), detach_file),
    ("GET", re.compile(_STORE + "/files/(?P<id>[^/]+)/content"), store_file_content),
    ("POST", re.compile(_STORE + "/file_batches"), create_file_batch),
    ("GET", re.compile(_STORE + "/file_batches/(?P<id>[^/]+)"), retrieve_file_batch),
    ("POST", re.compile(_STORE + "/file_batches/(?P<id>[^/]+)/cancel"), cancel_file_batch),
    ("GET", re.compile(_STORE + "/file_batches/(?P<id>[^/]+)/files"), list_batch_files),
]
