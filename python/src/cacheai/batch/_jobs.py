"""The Batch API workflow: submit (JSONL, custom ids, limits, splitting), status, wait, ordered results.

A job id is durable: a new process can check and retrieve a job from its id alone. A job of one batch has that
batch's id (``batch_abc``). A job split into several batches has the id ``cacheai-job:`` followed by the batch ids
joined with ``+`` (``cacheai-job:batch_a+batch_b``), in submission order; the submission order of the requests
is read back from each batch's input file, so results come in submission order in any process.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Literal

import pydantic

from .._exceptions import APIStatusError, NotFoundError
from .._highlevel import ModelResponse, messages_from_prompt
from .._prices import estimate_cost
from .._retry import retry_after_seconds
from .._usage import TokenUsage, token_usage
from ..types.chat import ChatCompletion
from ._config import MAX_FILE_BYTES, MAX_FILE_REQUESTS
from ._errors import BatchError, BatchItemError, ValidationError
from ._lines import MAX_CUSTOM_ID
from ._progress import ProgressReporter

if TYPE_CHECKING:
    from .._client import CacheAI

__all__ = [
    "JOB_PREFIX",
    "BatchJob",
    "BatchJobStatus",
    "BatchRequest",
    "get_batch_status",
    "retrieve_batch_results",
    "submit_batch_job",
    "wait_for_batch",
]

JOB_PREFIX = "cacheai-job:"
MAX_BACKOFF_S = 600.0  # the longest wait between two status checks the server refused
TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})
BatchStatus = Literal[
    "validating", "in_progress", "finalizing", "completed", "failed", "expired", "cancelling", "cancelled"
]


class BatchRequest:
    """One request of a Batch API job: a ``prompt`` (string) or ``messages``, plus any body field (``**body``);
    a request to another endpoint (embeddings, responses) may give an ``input`` body field instead.

    ``custom_id`` (unique, at most 64 characters) is assigned (``request-<index>``) when not given.
    """

    def __init__(
        self,
        prompt: str | None = None,
        messages: Sequence[Mapping[str, Any]] | None = None,
        model: str | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        custom_id: str | None = None,
        **body: Any,
    ) -> None:
        if prompt is not None and messages is not None:
            raise ValidationError("a BatchRequest takes exactly one of prompt= or messages=, not both")
        if prompt is None and messages is None and "input" not in body:
            raise ValidationError("a BatchRequest takes exactly one of prompt= or messages= (or input= in the body)")
        self.prompt = prompt
        self.messages = list(messages) if messages is not None else None
        self.model = model
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.custom_id = custom_id
        self.body = body

    def to_body(self, default_model: str | None) -> dict[str, Any]:
        body: dict[str, Any] = {}
        model = self.model or default_model
        if model:
            body["model"] = model
        if self.prompt is not None or self.messages is not None:
            body["messages"] = messages_from_prompt(self.prompt if self.prompt is not None else self.messages)
        if self.temperature is not None:
            body["temperature"] = self.temperature
        if self.max_tokens is not None:
            body["max_tokens"] = self.max_tokens
        body.update(self.body)
        return body

    def __repr__(self) -> str:
        return f"BatchRequest(custom_id={self.custom_id!r}, model={self.model!r})"


class BatchJob(pydantic.BaseModel):
    """A submitted job: its durable ``job_id``, first status (``validating``), creation time, request count."""

    model_config = pydantic.ConfigDict(frozen=True)

    job_id: str
    status: str
    created_at: datetime
    request_count: int
    batch_ids: list[str] = []


class BatchJobStatus(pydantic.BaseModel):
    """A job's state (a job of several batches aggregates them). ``errors`` are ``BatchError`` objects."""

    model_config = pydantic.ConfigDict(frozen=True, arbitrary_types_allowed=True)

    job_id: str
    status: BatchStatus
    created_at: datetime
    completed_at: datetime | None = None
    request_count: int = 0
    completed_count: int = 0
    failed_count: int = 0
    errors: list[BatchError] = []
    batches: list[Any] = []  # the server's Batch objects

    @property
    def done(self) -> bool:
        return self.status in TERMINAL


# --- submit -----------------------------------------------------------------------------------------------


def submit_batch_job(
    client: CacheAI,
    requests: Iterable[BatchRequest | Mapping[str, Any]],
    *,
    completion_window: str,
    metadata: Mapping[str, str] | None,
    endpoint: str,
    max_batch_size: int,
) -> BatchJob:
    """See ``CacheAI.submit_batch_job``."""
    if isinstance(max_batch_size, bool) or not isinstance(max_batch_size, int) or max_batch_size < 1:
        raise ValidationError(f"max_batch_size must be a positive integer, got {max_batch_size!r}")
    lines = _jsonl_lines(list(requests), endpoint, client.default_model)
    if not lines:
        raise ValidationError("submit_batch_job got no requests")
    chunks = _split(lines, min(max_batch_size, MAX_FILE_REQUESTS))
    batch_ids: list[str] = []
    created_at: int | None = None
    for number, chunk in enumerate(chunks, start=1):
        meta = dict(metadata or {})
        if len(chunks) > 1:
            meta["cacheai_job_part"] = f"{number}/{len(chunks)}"
        try:
            uploaded = client.files.create(file=("batch_input.jsonl", b"".join(chunk)), purpose="batch")
        except NotFoundError as error:
            raise _no_batch_api(client, "POST /files", error) from error
        try:
            batch = client.batches.create(
                input_file_id=uploaded.id,
                endpoint=endpoint,
                completion_window=completion_window,
                metadata=meta or None,
            )
        except NotFoundError as error:
            raise _no_batch_api(client, "POST /batches", error) from error
        batch_ids.append(batch.id)
        created_at = created_at if created_at is not None else batch.created_at
    job_id = batch_ids[0] if len(batch_ids) == 1 else JOB_PREFIX + "+".join(batch_ids)
    return BatchJob(
        job_id=job_id,
        status="validating",
        created_at=_time(created_at) or datetime.now(timezone.utc),
        request_count=len(lines),
        batch_ids=batch_ids,
    )


def _jsonl_lines(requests: list[BatchRequest | Mapping[str, Any]], endpoint: str, model: str | None) -> list[bytes]:
    checked = [_as_batch_request(request, index) for index, request in enumerate(requests)]
    given: dict[str, int] = {}
    for index, request in enumerate(checked):
        custom_id = request.custom_id
        if custom_id is None:
            continue
        if not isinstance(custom_id, str) or not custom_id or len(custom_id) > MAX_CUSTOM_ID:
            raise ValidationError(
                f"requests[{index}].custom_id must be a non-empty string of at most {MAX_CUSTOM_ID} characters"
            )
        if custom_id in given:
            raise ValidationError(
                f"requests[{given[custom_id]}] and requests[{index}] have the same custom_id {custom_id!r}; "
                "custom ids must be unique (results are matched by them)"
            )
        given[custom_id] = index
    lines: list[bytes] = []
    for index, request in enumerate(checked):
        custom_id, body = request.custom_id, request.to_body(model)
        if not body.get("model"):
            raise ValidationError(f"requests[{index}] has no model: pass model= or set CacheAI(default_model=...)")
        if custom_id is None:
            custom_id = f"request-{index}"
            if custom_id in given:
                raise ValidationError(f"the assigned custom_id {custom_id!r} is already used by a request; name all")
        line = {"custom_id": custom_id, "method": "POST", "url": endpoint, "body": body}
        encoded = (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        if len(encoded) > MAX_FILE_BYTES:
            raise ValidationError(f"requests[{index}] is larger than the Batch API's 200 MB per file")
        lines.append(encoded)
    return lines


def _as_batch_request(request: object, index: int) -> BatchRequest:
    """A ``BatchRequest`` as it is; a dict as the ``BatchRequest`` of its keys (the same checks and body)."""
    if isinstance(request, BatchRequest):
        return request
    if not isinstance(request, Mapping):
        raise ValidationError(f"requests[{index}] is a {type(request).__name__}; pass BatchRequest objects or dicts")
    try:
        return BatchRequest(**request)
    except (TypeError, ValidationError) as error:
        raise ValidationError(f"requests[{index}]: {error}") from None


def _split(lines: list[bytes], per_batch: int) -> list[list[bytes]]:
    chunks: list[list[bytes]] = []
    current: list[bytes] = []
    size = 0
    for line in lines:
        if current and (len(current) >= per_batch or size + len(line) > MAX_FILE_BYTES):
            chunks.append(current)
            current, size = [], 0
        current.append(line)
        size += len(line)
    if current:
        chunks.append(current)
    return chunks


def _no_batch_api(client: CacheAI, what: str, error: NotFoundError) -> BatchError:
    return BatchError(
        f"{what} answered 404 at {client.base_url}: this server has no Batch API (llama.cpp has none); "
        f"use batch_generate without use_batch_api. Server said: {error.message}",
        code="not_found",
    )


# --- status and wait --------------------------------------------------------------------------------------


def batch_ids_of(job_id: str) -> list[str]:
    """The batch ids behind a job id (see the module docstring)."""
    if not isinstance(job_id, str) or not job_id:
        raise ValueError(f"job_id must be a non-empty string, got {job_id!r}")
    if job_id.startswith(JOB_PREFIX):
        ids = [part for part in job_id[len(JOB_PREFIX) :].split("+") if part]
        if not ids:
            raise ValueError(f"job id {job_id!r} names no batch")
        return ids
    return [job_id]


def get_batch_status(client: CacheAI, job_id: str) -> BatchJobStatus:
    """See ``CacheAI.get_batch_status``."""
    batches = []
    for batch_id in batch_ids_of(job_id):
        try:
            batches.append(client.batches.retrieve(batch_id))
        except NotFoundError as error:
            raise BatchError(f"GET /batches/{batch_id} answered 404: no such batch ({error.message})") from error
    statuses = [b.status for b in batches]
    errors: list[BatchError] = []
    total = completed = failed = 0
    for batch in batches:
        counts = batch.request_counts
        if counts is not None:
            total += counts.total
            completed += counts.completed
            failed += counts.failed
        for item in (batch.errors.data or []) if batch.errors is not None else []:
            errors.append(
                BatchError(item.message or "", code=item.code, line=item.line, param=item.param, batch_id=batch.id)
            )
    finished = [_time(b.completed_at or b.failed_at or b.expired_at or b.cancelled_at) for b in batches]
    status = _aggregate(statuses)
    return BatchJobStatus(
        job_id=job_id,
        status=status,
        created_at=_time(min(b.created_at for b in batches)) or datetime.now(timezone.utc),
        completed_at=max(t for t in finished if t is not None) if status in TERMINAL and all(finished) else None,
        request_count=total,
        completed_count=completed,
        failed_count=failed,
        errors=errors,
        batches=batches,
    )


def _aggregate(statuses: Sequence[str]) -> BatchStatus:
    """One status for several batches: the worst terminal state once all are terminal, else the least advanced."""
    if all(s in TERMINAL for s in statuses):
        for status in ("failed", "expired", "cancelled"):
            if status in statuses:
                return status
        return "completed"
    for status in ("cancelling", "validating", "in_progress", "finalizing"):
        if status in statuses:
            return status  # type: ignore[return-value]
    return "in_progress"


def wait_for_batch(
    client: CacheAI,
    job_id: str,
    *,
    polling_interval: float,
    timeout: float | None,
    progress: bool,
    progress_callback: Callable[..., Any] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> BatchJobStatus:
    """See ``CacheAI.wait_for_batch``."""
    number = isinstance(polling_interval, (int, float)) and not isinstance(polling_interval, bool)
    if not number or not polling_interval >= 0:
        raise ValueError(f"polling_interval must be a number of seconds, 0 or more, got {polling_interval!r}")
    start = clock()
    reporter: ProgressReporter | None = None
    throttled = 0  # status checks refused in a row (429, or an answer with Retry-After)
    try:
        while True:
            try:
                status = get_batch_status(client, job_id)
            except APIStatusError as error:
                delay = throttle_delay(error, polling_interval, throttled)
                if delay is None:
                    raise
                throttled += 1
                if timeout is not None:
                    remaining = timeout - (clock() - start)
                    if remaining <= 0:
                        raise TimeoutError(
                            f"batch job {job_id}: the server still refuses status checks ({error.status_code}) "
                            f"after {timeout} s"
                        ) from error
                    delay = min(delay, remaining)
                sleep(delay)
                continue
            throttled = 0
            if progress or progress_callback is not None:
                if reporter is None:
                    reporter = ProgressReporter(status.request_count or None, progress_callback, progress)
                reporter.total = status.request_count or reporter.total
                reporter.set_counts(status.completed_count + status.failed_count, status.failed_count)
            if status.status in ("failed", "expired"):
                detail = "; ".join(f"{e.code}: {e.message}" for e in status.errors) or "no error details"
                hint = " (retrieve_batch_results gives the partial results)" if status.status == "expired" else ""
                raise BatchError(
                    f"batch job {job_id} {status.status}: {detail}{hint}",
                    code=status.status,
                    errors=status.errors,
                    status=status,
                )
            if status.status in TERMINAL:
                return status
            if timeout is not None and clock() - start >= timeout:
                raise TimeoutError(f"batch job {job_id} is still {status.status} after {timeout} s")
            sleep(polling_interval)
    finally:
        if reporter is not None:
            reporter.close()


def throttle_delay(error: APIStatusError, polling_interval: float, throttled: int) -> float | None:
    """How long to wait after a refused status check: the server's ``Retry-After`` (``retry-after-ms``), else
    the polling interval (at least 1 s) doubled for each earlier refusal in a row, up to ``MAX_BACKOFF_S``;
    ``None`` for an error that is no request to slow down (anything but a 429 or an answer with ``Retry-After``)."""
    asked = retry_after_seconds(error.response.headers)
    if error.status_code != 429 and asked is None:
        return None
    if asked is not None and asked > 0:
        return min(asked, MAX_BACKOFF_S)
    return float(min(max(polling_interval, 1.0) * 2.0 ** min(throttled, 30), MAX_BACKOFF_S))


# --- results ----------------------------------------------------------------------------------------------


def retrieve_batch_results(
    client: CacheAI, job_id: str, *, delete_files: bool = False
) -> list[ModelResponse | BatchItemError]:
    """See ``CacheAI.retrieve_batch_results``."""
    status = get_batch_status(client, job_id)
    results: list[ModelResponse | BatchItemError] = []
    for batch in status.batches:
        order = [line["custom_id"] for line in _json_lines(client, batch.input_file_id)]
        found: dict[str, ModelResponse | BatchItemError] = {}
        index_of = {custom_id: len(results) + i for i, custom_id in enumerate(order)}
        file_ids = [f for f in (batch.output_file_id, batch.error_file_id) if f]  # None or "" means absent
        for file_id in file_ids:
            for item in _json_lines(client, file_id):
                custom_id = item.get("custom_id")
                if custom_id in index_of:
                    found[custom_id] = _result(client, item, index_of[custom_id])
        for custom_id in order:
            results.append(
                found.get(custom_id)
                or BatchItemError(
                    f"request {custom_id!r} is in neither the output nor the error file (batch {batch.id} is "
                    f"{batch.status}); resubmit it",
                    index=index_of[custom_id],
                    custom_id=custom_id,
                    code="missing",
                )
            )
        if delete_files and batch.status in TERMINAL:
            for file_id in [batch.input_file_id, *file_ids]:
                try:
                    client.files.delete(file_id)
                except NotFoundError:
                    pass
    return results


def _json_lines(client: CacheAI, file_id: str) -> list[Any]:
    """The JSON lines of a file of the server (blank lines skipped); ``BatchError`` for a line that is not JSON."""
    values = []
    for number, line in enumerate(client.files.content(file_id).read().splitlines(), start=1):
        if line.strip():
            try:
                values.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise BatchError(f"line {number} of file {file_id} is not JSON ({error.msg})") from None
    return values


def _result(client: CacheAI, item: Mapping[str, Any], index: int) -> ModelResponse | BatchItemError:
    custom_id = item["custom_id"]
    response = item.get("response") or {}
    body = response.get("body") if isinstance(response, Mapping) else None
    status_code = response.get("status_code") if isinstance(response, Mapping) else None
    error = item.get("error")
    if error or not isinstance(body, Mapping) or (isinstance(status_code, int) and status_code >= 400):
        detail = error or (body.get("error") if isinstance(body, Mapping) else None) or {}
        return BatchItemError(
            str(detail.get("message") or f"request {custom_id!r} failed with status {status_code}"),
            index=index,
            custom_id=custom_id,
            code=detail.get("code"),
            status_code=status_code,
            body=body,
        )
    completion = ChatCompletion.model_validate(dict(body))
    return _model_response(client, completion, body, response.get("request_id"))


def _model_response(
    client: CacheAI, completion: ChatCompletion, body: Mapping[str, Any], request_id: str | None
) -> ModelResponse:
    def price(prompt: int, completion_tokens: int, cached: int | None) -> float | None:
        return estimate_cost(
            completion.model,
            prompt_tokens=prompt,
            completion_tokens=completion_tokens,
            cached_tokens=cached,
            batch=True,
            overrides=client._state.prices,
        )

    usage = token_usage(body.get("usage"), price) or TokenUsage()
    choice = completion.choices[0] if completion.choices else None
    return ModelResponse(
        content=choice.message.content if choice is not None else None,
        usage=usage,
        model=completion.model or "",
        request_id=request_id,
        latency_ms=0.0,
        temperature=None,
        finish_reason=choice.finish_reason if choice is not None else None,
        cached=False,
        completion=completion,
    )


def _time(value: int | float | None) -> datetime | None:
    return datetime.fromtimestamp(value, timezone.utc) if value else None
