"""In-memory fine-tuning jobs, uploads and vector stores of the fake server.

Jobs move one step per retrieval (``validating_files`` -> ``running`` -> ``succeeded``, with events, a checkpoint
and a ``fine_tuned_model``), as batches do. Uploads join their parts into a file of ``FileStore`` on ``complete``.
Vector store files are processed at once; ``search`` scores each file by the share of the query's words it
contains, and ``filters`` work on file ``attributes`` (``eq``, ``ne``, ``gt``, ``gte``, ``lt``, ``lte``, ``in``,
``nin``, and ``and``/``or`` compounds).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ._shapes import new_id, now
from ._store import FileStore
from ._validation import invalid_type, invalid_value

__all__ = ["FineTuningStore", "Problem", "Storage", "UploadStore", "VectorStoreStore"]

Problem = tuple[int, str, "str | None"]
"""An error to answer: (HTTP status, message, param)."""

FINISHED_JOB = ("succeeded", "failed", "cancelled")
_WORDS = re.compile(r"\w+")


def _missing(name: str) -> Problem:
    return 400, f"Missing required parameter: '{name}'.", name


def _wrong_type(param: str, expected: str, value: object) -> Problem:
    message, _, _ = invalid_type(param, expected, value)
    return 400, message, param


def _string_list_problem(body: Mapping[str, Any], param: str) -> Problem | None:
    value = body.get(param)
    if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
        return _wrong_type(param, "an array of strings", value)
    return None


def _no_such(kind: str, object_id: object) -> Problem:
    return 404, f"No such {kind}: '{object_id}'", "id"


# --- fine-tuning jobs -----------------------------------------------------------------------------------


@dataclass
class _Job:
    body: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    checkpoints: list[dict[str, Any]] = field(default_factory=list)
    paused: bool = False


class FineTuningStore:
    """Fine-tuning jobs; each retrieval of an unfinished, unpaused job moves it one step."""

    def __init__(self, files: FileStore) -> None:
        self._files = files
        self._jobs: dict[str, _Job] = {}

    def create(self, body: Mapping[str, Any]) -> dict[str, Any] | Problem:
        for param in ("model", "training_file"):
            if body.get(param) is None:
                return _missing(param)
        for param in ("model", "training_file", "validation_file", "suffix"):
            if body.get(param) is not None and not isinstance(body[param], str):
                return _wrong_type(param, "a string", body[param])
        model, training_file = body["model"], body["training_file"]
        for param in ("training_file", "validation_file"):
            file_id = body.get(param)
            if file_id is not None and self._files.get(file_id) is None:
                return 400, f"invalid file id: '{file_id}'", param
        hyperparameters = body.get("hyperparameters")
        if hyperparameters is not None and not isinstance(hyperparameters, Mapping):
            return _wrong_type("hyperparameters", "an object", hyperparameters)
        method = body.get("method") or {"type": "supervised", "supervised": {"hyperparameters": {}}}
        job: dict[str, Any] = {
            "id": new_id("ftjob-"),
            "object": "fine_tuning.job",
            "created_at": now(),
            "error": None,
            "fine_tuned_model": None,
            "finished_at": None,
            "hyperparameters": {
                "batch_size": "auto",
                "learning_rate_multiplier": "auto",
                "n_epochs": "auto",
                **(body.get("hyperparameters") or {}),
            },
            "model": model,
            "organization_id": "org-fake",
            "result_files": [],
            "seed": body.get("seed") if isinstance(body.get("seed"), int) else 42,
            "status": "validating_files",
            "trained_tokens": None,
            "training_file": training_file,
            "validation_file": body.get("validation_file"),
            "integrations": body.get("integrations"),
            "metadata": body.get("metadata"),
            "method": method,
            "suffix": body.get("suffix"),
        }
        stored = _Job(job)
        self._jobs[job["id"]] = stored
        self._event(stored, f"Created fine-tuning job: {job['id']}")
        return dict(job)

    def retrieve(self, job_id: str) -> dict[str, Any] | None:
        stored = self._jobs.get(job_id)
        if stored is None:
            return None
        if not stored.paused:
            self._advance(stored)
        return dict(stored.body)

    def cancel(self, job_id: str) -> dict[str, Any] | Problem:
        stored = self._jobs.get(job_id)
        if stored is None:
            return _no_such("fine-tuning job", job_id)
        if stored.body["status"] in FINISHED_JOB:
            return 400, f"Job {job_id} has already finished ({stored.body['status']}).", None
        stored.body.update(status="cancelled", finished_at=now())
        self._event(stored, "Fine-tuning job cancelled")
        return dict(stored.body)

    def pause(self, job_id: str, *, paused: bool) -> dict[str, Any] | Problem:
        stored = self._jobs.get(job_id)
        if stored is None:
            return _no_such("fine-tuning job", job_id)
        if stored.body["status"] in FINISHED_JOB:
            return 400, f"Job {job_id} has already finished ({stored.body['status']}).", None
        stored.paused = paused
        self._event(stored, "Fine-tuning job paused" if paused else "Fine-tuning job resumed")
        return dict(stored.body)

    def newest_first(self, metadata: Mapping[str, str]) -> list[dict[str, Any]]:
        jobs = [dict(j.body) for j in reversed(self._jobs.values())]
        return [j for j in jobs if all((j["metadata"] or {}).get(k) == v for k, v in metadata.items())]

    def events(self, job_id: str) -> list[dict[str, Any]] | None:
        stored = self._jobs.get(job_id)
        return None if stored is None else list(reversed(stored.events))

    def checkpoints(self, job_id: str) -> list[dict[str, Any]] | None:
        stored = self._jobs.get(job_id)
        return None if stored is None else list(reversed(stored.checkpoints))

    def _event(self, stored: _Job, message: str, data: dict[str, Any] | None = None) -> None:
        stored.events.append(
            {
                "id": new_id("ftevent-"),
                "object": "fine_tuning.job.event",
                "created_at": now(),
                "level": "info",
                "message": message,
                "type": "metrics" if data else "message",
                "data": data,
            }
        )

    def _advance(self, stored: _Job) -> None:
        job = stored.body
        if job["status"] == "validating_files":
            job["status"] = "running"
            self._event(stored, "Fine-tuning job started")
        elif job["status"] == "running":
            training = self._files.get(job["training_file"])
            tokens = len(training.content.split()) if training else 0
            suffix = f":{job['suffix']}" if job.get("suffix") else ""
            model = f"ft:{job['model']}:org-fake{suffix}:{job['id'][-8:]}"
            metrics = {"step": 1.0, "train_loss": 0.5, "train_mean_token_accuracy": 0.9}
            self._event(stored, "Step 1/1: training loss=0.50", {"step": 1, "train_loss": 0.5})
            stored.checkpoints.append(
                {
                    "id": new_id("ftckpt-"),
                    "object": "fine_tuning.job.checkpoint",
                    "created_at": now(),
                    "fine_tuned_model_checkpoint": f"{model}:ckpt-step-1",
                    "fine_tuning_job_id": job["id"],
                    "metrics": metrics,
                    "step_number": 1,
                }
            )
            result = self._files.add("step_metrics.csv", "fine-tune-results", b"step,train_loss\n1,0.5\n")
            job.update(
                status="succeeded",
                fine_tuned_model=model,
                finished_at=now(),
                trained_tokens=tokens,
                result_files=[result.id],
            )
            self._event(stored, "The job has successfully completed")


# --- uploads --------------------------------------------------------------------------------------------


@dataclass
class _Upload:
    body: dict[str, Any]
    parts: dict[str, bytes] = field(default_factory=dict)


class UploadStore:
    """Uploads (``pending`` until ``complete`` joins the parts into a file, or ``cancel``)."""

    def __init__(self, files: FileStore) -> None:
        self._files = files
        self._uploads: dict[str, _Upload] = {}

    def create(self, body: Mapping[str, Any]) -> dict[str, Any] | Problem:
        for name in ("bytes", "filename", "mime_type", "purpose"):
            if body.get(name) is None:
                return _missing(name)
            if name != "bytes" and not isinstance(body[name], str):
                return _wrong_type(name, "a string", body[name])
        if not isinstance(body["bytes"], int) or isinstance(body["bytes"], bool) or body["bytes"] < 0:
            return 400, "'bytes' must be a non-negative integer.", "bytes"
        created = now()
        expires = body.get("expires_after")
        if expires is not None and not isinstance(expires, Mapping):
            return _wrong_type("expires_after", "an object", expires)
        seconds = (expires or {}).get("seconds")
        if seconds is not None and (not isinstance(seconds, int) or isinstance(seconds, bool)):
            return _wrong_type("expires_after.seconds", "an integer", seconds)
        upload = {
            "id": new_id("upload_"),
            "object": "upload",
            "bytes": body["bytes"],
            "created_at": created,
            "expires_at": created + (3600 if seconds is None else seconds),
            "filename": body["filename"],
            "purpose": body["purpose"],
            "status": "pending",
            "file": None,
        }
        self._uploads[upload["id"]] = _Upload(upload)
        return dict(upload)

    def add_part(self, upload_id: str, data: object) -> dict[str, Any] | Problem:
        stored = self._uploads.get(upload_id)
        if stored is None:
            return _no_such("upload", upload_id)
        if not isinstance(data, bytes):
            return _missing("data")
        if stored.body["status"] != "pending":
            return 400, f"Upload {upload_id} is {stored.body['status']}: no part can be added.", None
        part_id = new_id("part_")
        stored.parts[part_id] = data
        return {"id": part_id, "object": "upload.part", "created_at": now(), "upload_id": upload_id}

    def complete(self, upload_id: str, body: Mapping[str, Any]) -> dict[str, Any] | Problem:
        stored = self._uploads.get(upload_id)
        if stored is None:
            return _no_such("upload", upload_id)
        if body.get("part_ids") is None:
            return _missing("part_ids")
        problem = _string_list_problem(body, "part_ids")
        if problem is not None:
            return problem
        part_ids = body["part_ids"]
        unknown = [p for p in part_ids if p not in stored.parts]
        if unknown:
            return 400, f"No such part: '{unknown[0]}'", "part_ids"
        if stored.body["status"] != "pending":
            return 400, f"Upload {upload_id} is {stored.body['status']}.", None
        content = b"".join(stored.parts[p] for p in part_ids)
        if len(content) != stored.body["bytes"]:
            message = f"The parts hold {len(content)} bytes, but the upload was created for {stored.body['bytes']}."
            return 400, message, "part_ids"
        file = self._files.add(stored.body["filename"], stored.body["purpose"], content)
        stored.body.update(status="completed", file=file.to_json())
        return dict(stored.body)

    def cancel(self, upload_id: str) -> dict[str, Any] | Problem:
        stored = self._uploads.get(upload_id)
        if stored is None:
            return _no_such("upload", upload_id)
        if stored.body["status"] != "pending":
            return 400, f"Upload {upload_id} is {stored.body['status']}.", None
        stored.body["status"] = "cancelled"
        return dict(stored.body)


# --- vector stores --------------------------------------------------------------------------------------


def _matches(attributes: Mapping[str, Any], condition: Any) -> bool:
    """Whether file ``attributes`` satisfy a comparison or compound filter."""
    if not isinstance(condition, Mapping):
        return True
    kind = condition.get("type")
    if kind in ("and", "or"):
        results = [_matches(attributes, f) for f in condition.get("filters") or ()]
        return all(results) if kind == "and" else any(results)
    value, wanted = attributes.get(str(condition.get("key", ""))), condition.get("value")
    if kind == "in":
        return isinstance(wanted, list) and value in wanted
    if kind == "nin":
        return isinstance(wanted, list) and value not in wanted
    compare = _COMPARISONS.get(str(kind))
    try:
        return compare is not None and value is not None and bool(compare(value, wanted))
    except TypeError:  # e.g. a string compared with a number
        return False


_COMPARISONS: dict[str, Callable[[Any, Any], Any]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


def _filter_problem(condition: object, param: str = "filters") -> Problem | None:
    """What OpenAI would refuse in a search's ``filters``: an unknown type, a compound without a filter list,
    a comparison without a string ``key``, ``in``/``nin`` without an array ``value``."""
    if not isinstance(condition, Mapping):
        return _wrong_type(param, "an object", condition)
    kind = condition.get("type")
    if kind in ("and", "or"):
        filters = condition.get("filters")
        if not isinstance(filters, list):
            return _wrong_type(f"{param}.filters", "an array", filters)
        problems = (_filter_problem(f, f"{param}.filters[{n}]") for n, f in enumerate(filters))
        return next((p for p in problems if p is not None), None)
    if kind not in (*_COMPARISONS, "in", "nin"):
        return 400, invalid_value(kind, (*_COMPARISONS, "in", "nin", "and", "or")), f"{param}.type"
    if not isinstance(condition.get("key"), str):
        return _wrong_type(f"{param}.key", "a string", condition.get("key"))
    if kind in ("in", "nin") and not isinstance(condition.get("value"), list):
        return _wrong_type(f"{param}.value", "an array", condition.get("value"))
    return None


class VectorStoreStore:
    """Vector stores, their files (processed at once) and file batches."""

    def __init__(self, files: FileStore) -> None:
        self._files = files
        self._stores: dict[str, dict[str, Any]] = {}
        self._store_files: dict[str, dict[str, dict[str, Any]]] = {}
        self._batches: dict[str, dict[str, Any]] = {}

    def create(self, body: Mapping[str, Any]) -> dict[str, Any] | Problem:
        problem = _string_list_problem(body, "file_ids")
        if problem is not None:
            return problem
        created = now()
        store: dict[str, Any] = {
            "id": new_id("vs_"),
            "object": "vector_store",
            "created_at": created,
            "name": body.get("name") or "",
            "usage_bytes": 0,
            "file_counts": {},
            "status": "completed",
            "last_active_at": created,
            "metadata": body.get("metadata"),
            "expires_after": body.get("expires_after"),
            "expires_at": None,
            "description": body.get("description"),
        }
        self._stores[store["id"]] = store
        self._store_files[store["id"]] = {}
        for file_id in body.get("file_ids") or ():
            attached = self.attach(
                store["id"], {"file_id": file_id, "chunking_strategy": body.get("chunking_strategy")}
            )
            if isinstance(attached, tuple):
                del self._stores[store["id"]]
                return attached
        return self.retrieve(store["id"]) or _no_such("vector store", store["id"])

    def retrieve(self, store_id: str) -> dict[str, Any] | None:
        store = self._stores.get(store_id)
        if store is None:
            return None
        files = self._store_files[store_id].values()
        counts = {s: sum(1 for f in files if f["status"] == s) for s in ("in_progress", "completed", "failed")}
        store["file_counts"] = {**counts, "cancelled": 0, "total": len(files)}
        store["usage_bytes"] = sum(f["usage_bytes"] for f in files)
        return dict(store)

    def update(self, store_id: str, body: Mapping[str, Any]) -> dict[str, Any] | None:
        store = self._stores.get(store_id)
        if store is None:
            return None
        store.update({k: body[k] for k in ("name", "metadata", "expires_after") if k in body})
        return self.retrieve(store_id)

    def delete(self, store_id: str) -> bool:
        self._store_files.pop(store_id, None)
        self._batches = {key: b for key, b in self._batches.items() if b["vector_store_id"] != store_id}
        return self._stores.pop(store_id, None) is not None

    def newest_first(self) -> list[dict[str, Any]]:
        return [self.retrieve(s) or {} for s in reversed(list(self._stores))]

    def attach(self, store_id: str, body: Mapping[str, Any]) -> dict[str, Any] | Problem:
        if store_id not in self._stores:
            return _no_such("vector store", store_id)
        file_id = body.get("file_id")
        if not isinstance(file_id, str):
            return _missing("file_id")
        stored = self._files.get(file_id)
        if stored is None:
            return 400, f"No such file: '{file_id}'", "file_id"
        strategy = body.get("chunking_strategy")
        if not isinstance(strategy, Mapping) or strategy.get("type") != "static":
            strategy = {"type": "static", "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400}}
        entry = {
            "id": file_id,
            "object": "vector_store.file",
            "created_at": now(),
            "usage_bytes": len(stored.content),
            "vector_store_id": store_id,
            "status": "completed",
            "last_error": None,
            "attributes": body.get("attributes") or {},
            "chunking_strategy": strategy,
        }
        self._store_files[store_id][file_id] = entry
        return dict(entry)

    def file(self, store_id: str, file_id: str) -> dict[str, Any] | None:
        entry = self._store_files.get(store_id, {}).get(file_id)
        return None if entry is None else dict(entry)

    def update_file(self, store_id: str, file_id: str, body: Mapping[str, Any]) -> dict[str, Any] | Problem | None:
        entry = self._store_files.get(store_id, {}).get(file_id)
        if entry is None:
            return None
        if "attributes" not in body:
            return _missing("attributes")
        attributes = body["attributes"]
        if attributes is not None and not isinstance(attributes, Mapping):
            return _wrong_type("attributes", "an object", attributes)
        entry["attributes"] = attributes
        return dict(entry)

    def detach(self, store_id: str, file_id: str) -> bool:
        return self._store_files.get(store_id, {}).pop(file_id, None) is not None

    def files_of(self, store_id: str, status: str | None, ids: list[str] | None = None) -> list[dict[str, Any]]:
        entries = list(reversed(self._store_files.get(store_id, {}).values()))
        return [
            dict(e) for e in entries if (status is None or e["status"] == status) and (ids is None or e["id"] in ids)
        ]

    def content(self, store_id: str, file_id: str) -> list[dict[str, Any]] | None:
        if self.file(store_id, file_id) is None:
            return None
        return [{"type": "text", "text": self._files.text(file_id)}]

    def create_batch(self, store_id: str, body: Mapping[str, Any]) -> dict[str, Any] | Problem:
        if store_id not in self._stores:
            return _no_such("vector store", store_id)
        problem = _string_list_problem(body, "file_ids")
        files = body.get("files")
        if files is not None and (not isinstance(files, list) or not all(isinstance(f, Mapping) for f in files)):
            problem = problem or _wrong_type("files", "an array of objects", files)
        if problem is not None:
            return problem
        requests = [
            {"file_id": f, "attributes": body.get("attributes"), "chunking_strategy": body.get("chunking_strategy")}
            for f in body.get("file_ids") or ()
        ] + [dict(f) for f in files or ()]
        if not requests:
            return 400, "Provide 'file_ids' or 'files'.", "file_ids"
        for request in requests:
            attached = self.attach(store_id, request)  # each needs an uploaded file
            if isinstance(attached, tuple):
                return attached
        ids = [r["file_id"] for r in requests]
        batch: dict[str, Any] = {
            "id": new_id("vsfb_"),
            "object": "vector_store.files_batch",
            "created_at": now(),
            "vector_store_id": store_id,
            "status": "completed",
            "file_counts": {"in_progress": 0, "completed": len(ids), "failed": 0, "cancelled": 0, "total": len(ids)},
            "file_ids": ids,
        }
        self._batches[batch["id"]] = batch
        return self._public_batch(batch)

    def batch(self, store_id: str, batch_id: str) -> dict[str, Any] | None:
        batch = self._batches.get(batch_id)
        return None if batch is None or batch["vector_store_id"] != store_id else self._public_batch(batch)

    def batch_file_ids(self, store_id: str, batch_id: str) -> list[str] | None:
        batch = self._batches.get(batch_id)
        return None if batch is None or batch["vector_store_id"] != store_id else list(batch["file_ids"])

    def cancel_batch(self, store_id: str, batch_id: str) -> dict[str, Any] | Problem:
        batch = self._batches.get(batch_id)
        if batch is None or batch["vector_store_id"] != store_id:
            return _no_such("file batch", batch_id)
        if batch["status"] != "in_progress":
            return 400, f"File batch {batch_id} is already {batch['status']}.", None
        batch["status"] = "cancelled"
        return self._public_batch(batch)

    def search(self, store_id: str, body: Mapping[str, Any]) -> dict[str, Any] | Problem:
        if store_id not in self._stores:
            return _no_such("vector store", store_id)
        query = body.get("query")
        queries = [query] if isinstance(query, str) else query
        if not isinstance(queries, list) or not queries or not all(isinstance(q, str) for q in queries):
            return 400, "'query' must be a string or an array of strings.", "query"
        words = {w.lower() for q in queries for w in _WORDS.findall(q)}
        limit = body.get("max_num_results", 10)
        if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= 50:
            message = f"Invalid 'max_num_results': {limit!r}. Expected an integer between 1 and 50."
            return 400, message, "max_num_results"
        filters = body.get("filters")
        problem = None if filters is None else _filter_problem(filters)
        if problem is not None:
            return problem
        ranking = body.get("ranking_options") or {}
        if not isinstance(ranking, Mapping):
            return _wrong_type("ranking_options", "an object", ranking)
        threshold = ranking.get("score_threshold", 0.0)
        if not isinstance(threshold, (int, float)) or isinstance(threshold, bool) or not 0 <= threshold <= 1:
            message = f"Invalid 'ranking_options.score_threshold': {threshold!r}. Expected a number between 0 and 1."
            return 400, message, "ranking_options.score_threshold"
        results = []
        for entry in self._store_files[store_id].values():
            if not _matches(entry["attributes"] or {}, body.get("filters")):
                continue
            stored = self._files.get(entry["id"])
            text = self._files.text(entry["id"])
            found = {w.lower() for w in _WORDS.findall(text)}
            score = len(words & found) / len(words) if words else 0.0
            if score > 0 and score >= threshold:
                results.append(
                    {
                        "file_id": entry["id"],
                        "filename": stored.filename if stored else "",
                        "score": round(score, 4),
                        "attributes": entry["attributes"],
                        "content": [{"type": "text", "text": text}],
                    }
                )
        results.sort(key=lambda r: -r["score"])
        return {
            "object": "vector_store.search_results.page",
            "search_query": queries,
            "data": results[:limit],
            "has_more": False,
            "next_page": None,
        }

    @staticmethod
    def _public_batch(batch: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in batch.items() if k != "file_ids"}


class Storage:
    """The fake server's fine-tuning jobs, uploads and vector stores, over its ``FileStore``."""

    def __init__(self, files: FileStore) -> None:
        self.jobs = FineTuningStore(files)
        self.uploads = UploadStore(files)
        self.vector_stores = VectorStoreStore(files)
