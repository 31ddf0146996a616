"""Fine-tuning jobs, uploads, vector stores and webhooks: cacheai's resources against the fake server (whose
routes users' own tests use), and the client-side helpers (chunked upload, polling, webhook checks)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from pathlib import Path

import pytest

import cacheai
from cacheai import CacheAI, InvalidWebhookSignatureError, NotFoundError
from cacheai.testing import FakeOpenAIServer
from cacheai.types import Upload, VectorStore
from cacheai.types.fine_tuning import FineTuningJob
from cacheai.types.vector_stores import VectorStoreFile
from cacheai.types.webhooks import BatchCompletedWebhookEvent, FineTuningJobSucceededWebhookEvent

TRAINING = b'{"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}\n'


# --- fine-tuning ----------------------------------------------------------------------------------------


def test_a_job_runs_to_a_fine_tuned_model(cacheai_client: CacheAI) -> None:
    training = cacheai_client.files.create(file=("train.jsonl", TRAINING), purpose="fine-tune")
    job = cacheai_client.fine_tuning.jobs.create(
        model="gpt-4o-mini", training_file=training.id, suffix="demo", metadata={"team": "ml"}
    )
    assert isinstance(job, FineTuningJob) and job.status == "validating_files" and job.fine_tuned_model is None

    statuses = [cacheai_client.fine_tuning.jobs.retrieve(job.id).status for _ in range(3)]
    assert statuses == ["running", "succeeded", "succeeded"]
    done = cacheai_client.fine_tuning.jobs.retrieve(job.id)
    assert done.fine_tuned_model == f"ft:gpt-4o-mini:org-fake:demo:{job.id[-8:]}"
    assert done.trained_tokens == len(TRAINING.split()) and len(done.result_files) == 1

    events = list(cacheai_client.fine_tuning.jobs.list_events(job.id))
    assert events[0].message == "The job has successfully completed"
    assert events[-1].message == f"Created fine-tuning job: {job.id}"
    assert any(event.type == "metrics" for event in events)
    checkpoints = cacheai_client.fine_tuning.jobs.checkpoints.list(job.id).data
    assert [c.fine_tuned_model_checkpoint for c in checkpoints] == [f"{done.fine_tuned_model}:ckpt-step-1"]
    assert checkpoints[0].metrics.train_loss == 0.5


def test_jobs_list_pages_and_filters_by_metadata(cacheai_client: CacheAI, fake_openai: FakeOpenAIServer) -> None:
    training = cacheai_client.files.create(file=("train.jsonl", TRAINING), purpose="fine-tune")
    ids = [
        cacheai_client.fine_tuning.jobs.create(model="m", training_file=training.id, metadata={"n": str(i)}).id
        for i in range(3)
    ]
    page = cacheai_client.fine_tuning.jobs.list(limit=2)
    assert [j.id for j in page.data] == ids[::-1][:2] and page.has_next_page()
    assert [j.id for j in page] == ids[::-1]
    assert fake_openai.requests[-1].query == {"limit": "2", "after": ids[1]}
    assert [j.id for j in cacheai_client.fine_tuning.jobs.list(metadata={"n": "1"})] == [ids[1]]
    assert fake_openai.last_request.query == {"metadata[n]": "1"}


def test_cancel_pause_resume(cacheai_client: CacheAI) -> None:
    training = cacheai_client.files.create(file=("train.jsonl", TRAINING), purpose="fine-tune")
    jobs = cacheai_client.fine_tuning.jobs
    paused = jobs.create(model="m", training_file=training.id)
    jobs.pause(paused.id)
    assert jobs.retrieve(paused.id).status == "validating_files"  # a paused job does not move
    jobs.resume(paused.id)
    assert jobs.retrieve(paused.id).status == "running"
    assert jobs.cancel(paused.id).status == "cancelled"
    with pytest.raises(cacheai.BadRequestError, match="already finished"):
        jobs.cancel(paused.id)


def test_job_errors_are_openai_shaped(cacheai_client: CacheAI) -> None:
    with pytest.raises(cacheai.BadRequestError) as bad:
        cacheai_client.fine_tuning.jobs.create(model="m", training_file="file-missing")
    assert bad.value.param == "training_file"
    with pytest.raises(NotFoundError):
        cacheai_client.fine_tuning.jobs.retrieve("ftjob-missing")
    with pytest.raises(ValueError, match="fine_tuning_job_id"):
        cacheai_client.fine_tuning.jobs.retrieve("")


# --- uploads --------------------------------------------------------------------------------------------


def test_upload_parts_become_one_file(cacheai_client: CacheAI, fake_openai: FakeOpenAIServer) -> None:
    upload = cacheai_client.uploads.create(
        bytes=10, filename="big.jsonl", mime_type="application/jsonl", purpose="batch"
    )
    assert isinstance(upload, Upload) and upload.status == "pending"
    first = cacheai_client.uploads.parts.create(upload.id, data=b"01234")
    second = cacheai_client.uploads.parts.create(upload.id, data=("part", b"56789"))
    assert fake_openai.last_request.body["data"] == b"56789"
    done = cacheai_client.uploads.complete(upload.id, part_ids=[first.id, second.id])
    assert done.status == "completed" and done.file is not None and done.file.bytes == 10
    assert cacheai_client.files.content(done.file.id).content == b"0123456789"


def test_upload_file_chunked_from_a_path(
    cacheai_client: CacheAI, fake_openai: FakeOpenAIServer, tmp_path: Path
) -> None:
    path = tmp_path / "requests.jsonl"
    path.write_bytes(b"x" * 25)
    done = cacheai_client.uploads.upload_file_chunked(file=path, mime_type="application/jsonl", purpose="batch",
                                                      part_size=10)  # fmt: skip
    assert done.file is not None and done.file.filename == "requests.jsonl"
    assert cacheai_client.files.content(done.file.id).content == b"x" * 25
    parts = fake_openai.requests_to("/uploads/" + done.id + "/parts")
    assert [len(r.body["data"]) for r in parts] == [10, 10, 5]
    assert fake_openai.requests[0].json() == {
        "bytes": 25,
        "filename": "requests.jsonl",
        "mime_type": "application/jsonl",
        "purpose": "batch",
    }


def test_upload_file_chunked_needs_filename_and_bytes_for_bytes(cacheai_client: CacheAI) -> None:
    with pytest.raises(TypeError, match="`filename`"):
        cacheai_client.uploads.upload_file_chunked(file=b"abc", mime_type="text/plain", purpose="batch")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="`bytes`"):
        cacheai_client.uploads.upload_file_chunked(file=b"abc", filename="a.txt", mime_type="text/plain",  # type: ignore[call-overload]
                                                   purpose="batch")  # fmt: skip


def test_a_wrong_size_or_cancelled_upload_is_refused(cacheai_client: CacheAI) -> None:
    upload = cacheai_client.uploads.create(bytes=4, filename="a.txt", mime_type="text/plain", purpose="batch")
    part = cacheai_client.uploads.parts.create(upload.id, data=b"abc")
    with pytest.raises(cacheai.BadRequestError, match="3 bytes"):
        cacheai_client.uploads.complete(upload.id, part_ids=[part.id])
    assert cacheai_client.uploads.cancel(upload.id).status == "cancelled"
    with pytest.raises(cacheai.BadRequestError, match="cancelled"):
        cacheai_client.uploads.parts.create(upload.id, data=b"d")


# --- vector stores --------------------------------------------------------------------------------------


def _store_with_docs(client: CacheAI) -> tuple[VectorStore, list[str]]:
    docs = [
        ("refunds.md", b"Refunds are paid within 30 days of a return.", {"lang": "en", "year": 2024}),
        ("shipping.md", b"Shipping takes five days.", {"lang": "en", "year": 2023}),
        ("remboursement.md", b"Les refunds prennent 30 jours.", {"lang": "fr", "year": 2024}),
    ]
    ids = [client.files.create(file=(name, text), purpose="assistants").id for name, text, _ in docs]
    store = client.vector_stores.create(name="docs", metadata={"k": "v"})
    for file_id, (_, _, attributes) in zip(ids, docs, strict=True):
        attached = client.vector_stores.files.create(store.id, file_id=file_id, attributes=attributes)
        assert isinstance(attached, VectorStoreFile) and attached.status == "completed"
    return store, ids


def test_vector_store_crud_and_file_counts(cacheai_client: CacheAI, fake_openai: FakeOpenAIServer) -> None:
    store, ids = _store_with_docs(cacheai_client)
    assert fake_openai.last_request.headers["openai-beta"] == "assistants=v2"
    fetched = cacheai_client.vector_stores.retrieve(store.id)
    assert fetched.file_counts.completed == fetched.file_counts.total == 3 and fetched.usage_bytes > 0
    assert cacheai_client.vector_stores.update(store.id, name="renamed").name == "renamed"
    assert [s.id for s in cacheai_client.vector_stores.list()] == [store.id]
    files = cacheai_client.vector_stores.files.list(store.id, limit=2)
    assert [f.id for f in files] == ids[::-1]
    updated = cacheai_client.vector_stores.files.update(ids[0], vector_store_id=store.id, attributes={"lang": "de"})
    assert updated.attributes == {"lang": "de"}
    content = cacheai_client.vector_stores.files.content(ids[1], vector_store_id=store.id)
    assert [part.text for part in content] == ["Shipping takes five days."]
    assert cacheai_client.vector_stores.files.delete(ids[1], vector_store_id=store.id).deleted
    assert cacheai_client.vector_stores.retrieve(store.id).file_counts.total == 2
    assert cacheai_client.vector_stores.delete(store.id).deleted
    with pytest.raises(NotFoundError):
        cacheai_client.vector_stores.retrieve(store.id)


def test_search_ranks_and_filters_by_attributes(cacheai_client: CacheAI) -> None:
    store, ids = _store_with_docs(cacheai_client)
    results = cacheai_client.vector_stores.search(store.id, query="refunds within 30 days")
    assert [r.file_id for r in results] == [ids[0], ids[2], ids[1]]
    assert results.data[0].score == 1.0 and results.data[0].content[0].text.startswith("Refunds")
    english_2024 = cacheai_client.vector_stores.search(
        store.id,
        query=["refunds"],
        filters={"type": "and", "filters": [{"type": "eq", "key": "lang", "value": "en"},
                                            {"type": "gte", "key": "year", "value": 2024}]},
    )  # fmt: skip
    assert [r.filename for r in english_2024] == ["refunds.md"]
    top = cacheai_client.vector_stores.search(store.id, query="refunds days", max_num_results=1,
                                              ranking_options={"score_threshold": 0.9})  # fmt: skip
    assert [r.file_id for r in top] == [ids[0]]


def test_file_batches(cacheai_client: CacheAI) -> None:
    store = cacheai_client.vector_stores.create(name="batch")
    ids = [cacheai_client.files.create(file=(f"{i}.txt", b"text"), purpose="assistants").id for i in range(2)]
    batch = cacheai_client.vector_stores.file_batches.create_and_poll(
        store.id, files=[{"file_id": ids[0], "attributes": {"n": 0}}, {"file_id": ids[1]}]
    )
    assert batch.status == "completed" and batch.file_counts.completed == 2
    listed = cacheai_client.vector_stores.file_batches.list_files(batch.id, vector_store_id=store.id)
    assert sorted(f.id for f in listed) == sorted(ids)
    with pytest.raises(cacheai.BadRequestError, match="already completed"):
        cacheai_client.vector_stores.file_batches.cancel(batch.id, vector_store_id=store.id)
    uploaded = cacheai_client.vector_stores.file_batches.upload_and_poll(
        store.id, files=[("a.txt", b"alpha"), ("b.txt", b"beta")], file_ids=[ids[0]]
    )
    assert uploaded.file_counts.total == 3


def test_upload_and_poll_and_the_poll_deadline(cacheai_client: CacheAI, fake_openai: FakeOpenAIServer) -> None:
    store = cacheai_client.vector_stores.create(name="s")
    attached = cacheai_client.vector_stores.files.upload_and_poll(vector_store_id=store.id, file=("n.md", b"# n"))
    assert attached.status == "completed"
    assert fake_openai.requests[1].body["purpose"] == "assistants"
    assert fake_openai.last_request.headers["x-stainless-poll-helper"] == "true"
    with pytest.raises(ValueError, match="max_wait_seconds"):
        cacheai_client.vector_stores.files.poll(attached.id, vector_store_id=store.id, max_wait_seconds=-1)


def test_poll_gives_up_after_max_wait_seconds(cacheai_client: CacheAI, fake_openai: FakeOpenAIServer) -> None:
    in_progress = {"id": "file-1", "object": "vector_store.file", "created_at": 1, "usage_bytes": 0,
                   "vector_store_id": "vs_1", "status": "in_progress", "last_error": None}  # fmt: skip
    fake_openai.respond_next(200, json.dumps(in_progress).encode(), headers={"openai-poll-after-ms": "50"})
    with pytest.raises(TimeoutError, match="vector store file 'file-1'"):
        cacheai_client.vector_stores.files.poll("file-1", vector_store_id="vs_1", max_wait_seconds=0.01)
    assert len(fake_openai.requests) == 1


# --- webhooks -------------------------------------------------------------------------------------------

SECRET = "whsec_" + base64.b64encode(b"unit-secret").decode()


def _signed(body: str, secret: str = SECRET) -> dict[str, str]:
    timestamp = str(int(time.time()))
    key = base64.b64decode(secret[6:])
    digest = hmac.new(key, f"wh_9.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    return {
        "webhook-id": "wh_9",
        "webhook-timestamp": timestamp,
        "webhook-signature": "v1," + base64.b64encode(digest).decode(),
    }


def test_unwrap_uses_the_environment_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_WEBHOOK_SECRET", SECRET)
    client = CacheAI(base_url="http://127.0.0.1:9/v1")
    body = json.dumps({"id": "evt", "object": "event", "type": "fine_tuning.job.succeeded", "created_at": 1,
                       "data": {"id": "ftjob-1"}})  # fmt: skip
    event = client.webhooks.unwrap(body, _signed(body))
    assert isinstance(event, FineTuningJobSucceededWebhookEvent) and event.data.id == "ftjob-1"
    assert client.with_options(timeout=5).webhook_secret == SECRET


def test_client_secret_wins_over_the_environment_and_copies_keep_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_WEBHOOK_SECRET", "whsec_" + base64.b64encode(b"other").decode())
    client = CacheAI(base_url="http://127.0.0.1:9/v1", webhook_secret=SECRET)
    body = json.dumps({"id": "evt", "object": "event", "type": "batch.completed", "created_at": 1, "data": {"id": "b"}})
    assert isinstance(client.copy().webhooks.unwrap(body, _signed(body)), BatchCompletedWebhookEvent)


class _FrameworkHeaders:
    """Headers as a web framework hands them over: only ``get``, case-sensitive."""

    def __init__(self, values: dict[str, str]) -> None:
        self._values = values

    def get(self, key: str) -> str | None:
        return self._values.get(key)


def test_verify_signature_accepts_any_get_headers_and_rejects_tampering() -> None:
    client = CacheAI(base_url="http://127.0.0.1:9/v1", webhook_secret=SECRET)
    body = '{"id": "evt"}'
    intercaps = {k.title(): v for k, v in _signed(body).items()}  # Webhook-Id, Webhook-Timestamp, ...
    client.webhooks.verify_signature(body, _FrameworkHeaders(intercaps))
    client.webhooks.verify_signature(body.encode(), _signed(body), secret=SECRET)
    with pytest.raises(InvalidWebhookSignatureError, match="does not match"):
        client.webhooks.verify_signature(body.replace("evt", "evx"), _signed(body))
    assert issubclass(InvalidWebhookSignatureError, ValueError)


def test_every_vector_store_path_checks_and_encodes_the_store_id(
    cacheai_client: CacheAI, fake_openai: FakeOpenAIServer
) -> None:
    stores = cacheai_client.vector_stores
    calls = [
        lambda vs: stores.retrieve(vs),
        lambda vs: stores.files.list(vs),
        lambda vs: stores.file_batches.retrieve("vsfb_1", vector_store_id=vs),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="`vector_store_id`"):
            call("")
        with pytest.raises(NotFoundError):
            call("vs/1")
    assert [r.path for r in fake_openai.requests] == [
        "/v1/vector_stores/vs%2F1",
        "/v1/vector_stores/vs%2F1/files",
        "/v1/vector_stores/vs%2F1/file_batches/vsfb_1",
    ]
