"""Differential scenarios for fine-tuning jobs, uploads, vector stores and webhooks: the same user code through
openai and cacheai must send the same requests and give the same results (pages walked, events unwrapped)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

from differential_harness import Scenario, headers
from recording_server import Reply

JOB = {
    "id": "ftjob-1",
    "object": "fine_tuning.job",
    "created_at": 1700000000,
    "error": None,
    "fine_tuned_model": None,
    "finished_at": None,
    "hyperparameters": {"n_epochs": "auto", "batch_size": "auto", "learning_rate_multiplier": "auto"},
    "model": "gpt-4o-mini-2024-07-18",
    "organization_id": "org-1",
    "result_files": [],
    "seed": 42,
    "status": "queued",
    "trained_tokens": None,
    "training_file": "file-train",
    "validation_file": None,
    "method": {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 3}}},
    "metadata": {"team": "ml"},
}
EVENT = {
    "id": "ftevent-1",
    "object": "fine_tuning.job.event",
    "created_at": 1700000001,
    "level": "info",
    "message": "Step 1/10: training loss=1.20",
    "type": "metrics",
    "data": {"step": 1, "train_loss": 1.2},
}
CHECKPOINT = {
    "id": "ftckpt-1",
    "object": "fine_tuning.job.checkpoint",
    "created_at": 1700000100,
    "fine_tuned_model_checkpoint": "ft:gpt-4o-mini:org:custom:abc:ckpt-step-10",
    "fine_tuning_job_id": "ftjob-1",
    "metrics": {"step": 10, "train_loss": 0.5, "valid_loss": 0.6},
    "step_number": 10,
}
UPLOAD = {
    "id": "upload_1",
    "object": "upload",
    "bytes": 10,
    "created_at": 1700000000,
    "expires_at": 1700003600,
    "filename": "big.jsonl",
    "purpose": "batch",
    "status": "pending",
    "file": None,
}
FILE = {
    "id": "file-1",
    "object": "file",
    "bytes": 10,
    "created_at": 1700000000,
    "filename": "big.jsonl",
    "purpose": "batch",
    "status": "processed",
    "expires_at": None,
}
STORE = {
    "id": "vs_1",
    "object": "vector_store",
    "created_at": 1700000000,
    "name": "docs",
    "usage_bytes": 0,
    "file_counts": {"in_progress": 0, "completed": 1, "failed": 0, "cancelled": 0, "total": 1},
    "status": "completed",
    "last_active_at": 1700000000,
    "metadata": None,
    "expires_after": {"anchor": "last_active_at", "days": 7},
    "expires_at": None,
}
STORE_FILE = {
    "id": "file-1",
    "object": "vector_store.file",
    "created_at": 1700000000,
    "usage_bytes": 120,
    "vector_store_id": "vs_1",
    "status": "completed",
    "last_error": None,
    "attributes": {"lang": "en"},
    "chunking_strategy": {"type": "static", "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400}},
}
FILE_BATCH = {
    "id": "vsfb_1",
    "object": "vector_store.files_batch",
    "created_at": 1700000000,
    "vector_store_id": "vs_1",
    "status": "in_progress",
    "file_counts": {"in_progress": 1, "completed": 1, "failed": 0, "cancelled": 0, "total": 2},
}
SEARCH_PAGE = {
    "object": "vector_store.search_results.page",
    "search_query": ["refund policy"],
    "data": [
        {
            "file_id": "file-1",
            "filename": "policy.md",
            "score": 0.93,
            "attributes": {"lang": "en"},
            "content": [{"type": "text", "text": "Refunds within 30 days."}],
        }
    ],
    "has_more": False,
    "next_page": None,
}
PERMISSION = {"id": "cp_1", "object": "checkpoint.permission", "created_at": 1700000000, "project_id": "proj_1"}
STRING_CHECK = {"type": "string_check", "name": "exact", "input": "{{sample.output_text}}",
                "reference": "{{item.answer}}", "operation": "eq"}  # fmt: skip
SECRET = "whsec_" + base64.b64encode(b"differential-webhook-secret").decode()
WEBHOOK_BODY = json.dumps(
    {
        "id": "evt_1",
        "object": "event",
        "type": "batch.completed",
        "created_at": 1700000000,
        "data": {"id": "batch_1"},
    }
)


def page(*items: dict[str, Any], has_more: bool = False) -> dict[str, Any]:
    return {"object": "list", "data": list(items), "has_more": has_more}


def signed_headers(body: str, *, secret: str = SECRET, age: int = 0) -> dict[str, str]:
    """The headers OpenAI sends with a webhook: id, timestamp and ``v1,<HMAC-SHA256>`` of the body."""
    timestamp = str(int(time.time()) - age)
    key = base64.b64decode(secret[len("whsec_") :])
    digest = hmac.new(key, f"wh_1.{timestamp}.{body}".encode(), hashlib.sha256).digest()
    signature = "v1," + base64.b64encode(digest).decode()
    return {"webhook-id": "wh_1", "webhook-timestamp": timestamp, "webhook-signature": signature}


def _outcome(call: Any) -> Any:
    """A webhook check's result, or the exception it raised as plain data (class and message)."""
    try:
        result = call()
    except Exception as error:
        return {"raised": type(error).__name__, "message": str(error)}
    return {"result": result, "class": type(result).__name__}


def _webhooks(client: Any, secret: str | None = None) -> Any:
    """Every outcome of ``unwrap``/``verify_signature``; ``secret=None`` uses the client's."""
    good = signed_headers(WEBHOOK_BODY)
    old = signed_headers(WEBHOOK_BODY, age=600)
    hooks = client.webhooks
    return {
        "unwrap": _outcome(lambda: hooks.unwrap(WEBHOOK_BODY, good, secret=secret)),
        "unwrap bytes, title-case headers": _outcome(
            lambda: hooks.unwrap(WEBHOOK_BODY.encode(), {k.title(): v for k, v in good.items()}, secret=secret)
        ),
        "verify": _outcome(lambda: hooks.verify_signature(WEBHOOK_BODY, good, secret=secret)),
        "tampered": _outcome(lambda: hooks.verify_signature(WEBHOOK_BODY + " ", good, secret=secret)),
        "wrong secret": _outcome(lambda: hooks.unwrap(WEBHOOK_BODY, good, secret="plain-secret")),
        "too old": _outcome(lambda: hooks.verify_signature(WEBHOOK_BODY, old, secret=secret)),
        "tolerance": _outcome(lambda: hooks.verify_signature(WEBHOOK_BODY, old, secret=secret, tolerance=900)),
        "missing header": _outcome(
            lambda: hooks.verify_signature(
                WEBHOOK_BODY, {"webhook-id": "wh_1", "webhook-timestamp": "1"}, secret=secret
            )
        ),
        "bad timestamp": _outcome(
            lambda: hooks.verify_signature(WEBHOOK_BODY, {**good, "webhook-timestamp": "soon"}, secret=secret)
        ),
    }


def _unknown_event(client: Any) -> Any:
    body = json.dumps({"id": "evt_2", "object": "event", "type": "something.new", "created_at": 1, "data": {"x": 1}})
    return _outcome(lambda: client.webhooks.unwrap(body, signed_headers(body)))


def _graded(result: Any) -> Any:
    """A grader run's fields. (Not its model_dump: openai's lenient parsing also keeps the aliased
    ``model_grader_token_usage_per_model`` key as an extra beside ``api_model_grader_token_usage_per_model``,
    cacheai's does not; the values are the same.)"""
    return {
        "reward": result.reward,
        "sub_rewards": result.sub_rewards,
        "usage": result.api_model_grader_token_usage_per_model,
        "metadata": result.metadata,
    }


def _streamed(response: Any) -> Any:
    with response as streamed:
        return {"parsed": streamed.parse(), "status": streamed.status_code, "id": streamed.headers.get("x-request-id")}


STORAGE_SCENARIOS: list[Scenario] = [
    # --- fine-tuning ---------------------------------------------------------------------------------
    Scenario(
        "fine_tuning: create with method, integrations and metadata",
        lambda c: c.fine_tuning.jobs.create(
            model="gpt-4o-mini-2024-07-18",
            training_file="file-train",
            validation_file="file-valid",
            suffix="custom",
            seed=42,
            metadata={"team": "ml"},
            method={"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 3}}},
            integrations=({"type": "wandb", "wandb": {"project": "p"}},),
        ),
        [Reply(json=JOB)],
    ),
    Scenario(
        "fine_tuning: retrieve, cancel, pause, resume",
        lambda c: [
            c.fine_tuning.jobs.retrieve("ftjob-1"),
            c.fine_tuning.jobs.cancel("ftjob-1"),
            c.fine_tuning.jobs.pause("ftjob-1"),
            c.fine_tuning.jobs.resume("ftjob-1"),
        ],
        [
            Reply(json={**JOB, "status": "running"}),
            Reply(json={**JOB, "status": "cancelled"}),
            Reply(json={**JOB, "status": "paused"}),
            Reply(json={**JOB, "status": "running"}),
        ],
    ),
    Scenario(
        "fine_tuning: list walks two pages, metadata filter in the query",
        lambda c: [job.id for job in c.fine_tuning.jobs.list(limit=1, metadata={"team": "ml"})],
        [Reply(json=page(JOB, has_more=True)), Reply(json=page({**JOB, "id": "ftjob-2"}))],
    ),
    Scenario(
        "fine_tuning: list_events pages by hand",
        lambda c: (
            lambda first: {
                "first": first,
                "has_next": first.has_next_page(),
                "next": first.get_next_page().data,
            }
        )(c.fine_tuning.jobs.list_events("ftjob-1", limit=1)),
        [Reply(json=page(EVENT, has_more=True)), Reply(json=page({**EVENT, "id": "ftevent-2", "data": None}))],
    ),
    Scenario(
        "fine_tuning: checkpoints list",
        lambda c: list(c.fine_tuning.jobs.checkpoints.list("ftjob-1", after="ftckpt-0", limit=5)),
        [Reply(json=page(CHECKPOINT))],
    ),
    Scenario(
        "fine_tuning: 404 for an unknown job",
        lambda c: c.fine_tuning.jobs.retrieve("ftjob-missing"),
        [Reply(status=404, json={"error": {"message": "No such job", "type": "invalid_request_error", "code": None}})],
    ),
    Scenario(
        "fine_tuning: checkpoint permissions walk pages by last_id",
        lambda c: {
            "created": c.fine_tuning.checkpoints.permissions.create("ft:m:ckpt", project_ids=["proj_1", "proj_2"]),
            "listed": [
                p.id for p in c.fine_tuning.checkpoints.permissions.list("ft:m:ckpt", limit=1, order="ascending")
            ],
            "deleted": c.fine_tuning.checkpoints.permissions.delete("cp_1", fine_tuned_model_checkpoint="ft:m:ckpt"),
        },
        [
            Reply(json={"object": "list", "data": [PERMISSION, {**PERMISSION, "id": "cp_2", "project_id": "proj_2"}]}),
            Reply(
                json={"object": "list", "data": [PERMISSION], "has_more": True, "first_id": "cp_1", "last_id": "cp_1"}
            ),
            Reply(
                json={"object": "list", "data": [{**PERMISSION, "id": "cp_2"}], "has_more": False, "last_id": "cp_2"}
            ),
            Reply(json={"id": "cp_1", "object": "checkpoint.permission", "deleted": True}),
        ],
    ),
    Scenario(
        "fine_tuning: graders run and validate",
        lambda c: [
            _graded(c.fine_tuning.alpha.graders.run(grader=STRING_CHECK, model_sample="4", item={"answer": "4"})),
            c.fine_tuning.alpha.graders.validate(grader=STRING_CHECK),
        ],
        [
            Reply(
                json={
                    "reward": 1.0,
                    "metadata": {
                        "name": "exact",
                        "type": "string_check",
                        "errors": {},
                        "execution_time": 0.01,
                        "scores": {"exact": 1.0},
                        "token_usage": None,
                        "sampled_model_name": None,
                    },
                    "sub_rewards": {"exact": 1.0},
                    "model_grader_token_usage_per_model": {},
                }
            ),
            Reply(json={"grader": STRING_CHECK}),
        ],
    ),
    # --- uploads -------------------------------------------------------------------------------------
    Scenario(
        "uploads: create, parts, complete",
        lambda c: (
            lambda upload: [
                upload,
                c.uploads.parts.create(upload.id, data=b"0123456789"),
                c.uploads.complete(upload.id, part_ids=["part_1"], md5="abc"),
            ]
        )(
            c.uploads.create(
                bytes=10,
                filename="big.jsonl",
                mime_type="application/jsonl",
                purpose="batch",
                expires_after={"anchor": "created_at", "seconds": 3600},
            )
        ),
        [
            Reply(json=UPLOAD),
            Reply(json={"id": "part_1", "object": "upload.part", "created_at": 1700000000, "upload_id": "upload_1"}),
            Reply(json={**UPLOAD, "status": "completed", "file": FILE}),
        ],
    ),
    Scenario(
        "uploads: cancel",
        lambda c: c.uploads.cancel("upload_1"),
        [Reply(json={**UPLOAD, "status": "cancelled"})],
    ),
    Scenario(
        "uploads: upload_file_chunked from bytes in three parts",
        lambda c: c.uploads.upload_file_chunked(
            file=b"0123456789",
            filename="big.jsonl",
            bytes=10,
            mime_type="application/jsonl",
            purpose="batch",
            part_size=4,
        ),
        [
            Reply(json=UPLOAD),
            Reply(json={"id": "part_1", "object": "upload.part", "created_at": 1, "upload_id": "upload_1"}),
            Reply(json={"id": "part_2", "object": "upload.part", "created_at": 1, "upload_id": "upload_1"}),
            Reply(json={"id": "part_3", "object": "upload.part", "created_at": 1, "upload_id": "upload_1"}),
            Reply(json={**UPLOAD, "status": "completed", "file": FILE}),
        ],
    ),
    # --- vector stores -------------------------------------------------------------------------------
    Scenario(
        "vector_stores: create, retrieve, update, delete",
        lambda c: [
            c.vector_stores.create(
                name="docs",
                file_ids=["file-1"],
                expires_after={"anchor": "last_active_at", "days": 7},
                chunking_strategy={
                    "type": "static",
                    "static": {"max_chunk_size_tokens": 800, "chunk_overlap_tokens": 400},
                },
                metadata={"k": "v"},
            ),
            c.vector_stores.retrieve("vs_1"),
            c.vector_stores.update("vs_1", name="renamed", metadata=None),
            c.vector_stores.delete("vs_1"),
        ],
        [
            Reply(json=STORE),
            Reply(json=STORE),
            Reply(json={**STORE, "name": "renamed"}),
            Reply(json={"id": "vs_1", "object": "vector_store.deleted", "deleted": True}),
        ],
    ),
    Scenario(
        "vector_stores: list walks pages, extra headers over the beta header",
        lambda c: [s.id for s in c.vector_stores.list(limit=1, order="asc", extra_headers={"OpenAI-Beta": "x"})],
        [Reply(json=page(STORE, has_more=True)), Reply(json=page({**STORE, "id": "vs_2"}))],
    ),
    Scenario(
        "vector_stores: search with filters and ranking options",
        lambda c: c.vector_stores.search(
            "vs_1",
            query=["refund policy"],
            filters={
                "type": "and",
                "filters": [
                    {"type": "eq", "key": "lang", "value": "en"},
                    {"type": "gte", "key": "year", "value": 2024},
                ],
            },
            max_num_results=3,
            ranking_options={"ranker": "auto", "score_threshold": 0.5},
            rewrite_query=True,
        ),
        [Reply(json=SEARCH_PAGE)],
    ),
    Scenario(
        "vector_stores: files create, retrieve, update, list, content, delete",
        lambda c: [
            c.vector_stores.files.create("vs_1", file_id="file-1", attributes={"lang": "en", "year": 2024}),
            c.vector_stores.files.retrieve("file-1", vector_store_id="vs_1"),
            c.vector_stores.files.update("file-1", vector_store_id="vs_1", attributes={"lang": "fr"}),
            c.vector_stores.files.list("vs_1", filter="completed", limit=10).data,
            c.vector_stores.files.content("file-1", vector_store_id="vs_1").data,
            c.vector_stores.files.delete("file-1", vector_store_id="vs_1"),
        ],
        [
            Reply(json=STORE_FILE),
            Reply(json=STORE_FILE),
            Reply(json={**STORE_FILE, "attributes": {"lang": "fr"}}),
            Reply(json=page(STORE_FILE)),
            Reply(
                json={
                    "object": "vector_store.file_content.page",
                    "data": [{"type": "text", "text": "Refunds within 30 days."}],
                    "has_more": False,
                    "next_page": None,
                }
            ),
            Reply(json={"id": "file-1", "object": "vector_store.file.deleted", "deleted": True}),
        ],
    ),
    Scenario(
        "vector_stores: files upload_and_poll waits for processing",
        lambda c: c.vector_stores.files.upload_and_poll(
            vector_store_id="vs_1", file=("notes.md", b"# Notes", "text/markdown"), poll_interval_ms=1
        ),
        [
            Reply(json={**FILE, "filename": "notes.md", "purpose": "assistants"}),
            Reply(json={**STORE_FILE, "status": "in_progress"}),
            Reply(json={**STORE_FILE, "status": "in_progress"}),
            Reply(json=STORE_FILE),
        ],
    ),
    Scenario(
        "vector_stores: file batch create_and_poll follows openai-poll-after-ms",
        lambda c: c.vector_stores.file_batches.create_and_poll(
            "vs_1", files=[{"file_id": "file-1", "attributes": {"lang": "en"}}, {"file_id": "file-2"}]
        ),
        [
            Reply(json=FILE_BATCH),
            Reply(json=FILE_BATCH, headers=headers(openai_poll_after_ms="1")),
            Reply(
                json={
                    **FILE_BATCH,
                    "status": "completed",
                    "file_counts": {"in_progress": 0, "completed": 2, "failed": 0, "cancelled": 0, "total": 2},
                }
            ),
        ],
    ),
    Scenario(
        "vector_stores: file batch retrieve, cancel, list_files",
        lambda c: [
            c.vector_stores.file_batches.retrieve("vsfb_1", vector_store_id="vs_1"),
            c.vector_stores.file_batches.cancel("vsfb_1", vector_store_id="vs_1"),
            [f.id for f in c.vector_stores.file_batches.list_files("vsfb_1", vector_store_id="vs_1", limit=1)],
        ],
        [
            Reply(json=FILE_BATCH),
            Reply(json={**FILE_BATCH, "status": "cancelled"}),
            Reply(json=page(STORE_FILE, has_more=True)),
            Reply(json=page({**STORE_FILE, "id": "file-2"})),
        ],
    ),
    Scenario(
        "vector_stores: create_and_poll sends the call's options with create only",
        lambda c: [
            c.vector_stores.files.create_and_poll(
                "file-1", vector_store_id="vs_1", extra_headers={"X-Trace": "t1"}, extra_query={"q": "1"}
            ),
            c.vector_stores.file_batches.create_and_poll(
                "vs_1", file_ids=("file-1",), poll_interval_ms=1, extra_body={"x_note": "n"}
            ),
        ],
        [
            Reply(json=STORE_FILE),
            Reply(json=STORE_FILE),
            Reply(json={**FILE_BATCH, "status": "completed"}),
            Reply(
                json={
                    **FILE_BATCH,
                    "status": "completed",
                    "file_counts": {"in_progress": 0, "completed": 1, "failed": 0, "cancelled": 0, "total": 1},
                }
            ),
        ],
    ),
    Scenario(
        "vector_stores: file batch upload_and_poll uploads, then attaches with the given file_ids",
        lambda c: c.vector_stores.file_batches.upload_and_poll(
            "vs_1", files=[("a.txt", b"alpha")], file_ids=["file-0"], poll_interval_ms=1
        ),
        [
            Reply(json={**FILE, "id": "file-9", "filename": "a.txt", "purpose": "assistants"}),
            Reply(json={**FILE_BATCH, "status": "completed"}),
            Reply(
                json={
                    **FILE_BATCH,
                    "status": "completed",
                    "file_counts": {"in_progress": 0, "completed": 2, "failed": 0, "cancelled": 0, "total": 2},
                }
            ),
        ],
    ),
    Scenario(
        "vector_stores and fine_tuning: an explicit None is sent as null",
        lambda c: [
            c.vector_stores.update("vs_1", name=None, expires_after=None, metadata=None),
            c.vector_stores.files.update("file-1", vector_store_id="vs_1", attributes=None),
            c.fine_tuning.jobs.create(model="m", training_file="f", integrations=None, suffix=None, seed=None),
        ],
        [Reply(json=STORE), Reply(json=STORE_FILE), Reply(json=JOB)],
    ),
    Scenario(
        "fine_tuning: deprecated permissions retrieve is one page with its query",
        lambda c: c.fine_tuning.checkpoints.permissions.retrieve(
            "ft:m:ckpt", after="cp_0", limit=2, order="descending", project_id="proj_1"
        ),
        [Reply(json={"object": "list", "data": [PERMISSION], "has_more": False, "first_id": "cp_1"})],
    ),
    # --- raw and streamed responses ------------------------------------------------------------------------
    Scenario(
        "fine_tuning: with_raw_response on a nested resource",
        lambda c: (
            lambda raw: {"parsed": raw.parse(), "status": raw.status_code, "id": raw.headers.get("x-request-id")}
        )(c.fine_tuning.jobs.checkpoints.with_raw_response.list("ftjob-1")),
        [Reply(json=page(CHECKPOINT), headers=headers(x_request_id="req_ft"))],
    ),
    Scenario(
        "vector_stores: with_streaming_response",
        lambda c: _streamed(c.with_streaming_response.vector_stores.retrieve("vs_1")),
        [Reply(json=STORE, headers=headers(x_request_id="req_vs"))],
    ),
    # --- webhooks ------------------------------------------------------------------------------------
    Scenario("webhooks: unwrap and verify_signature, good and bad", lambda c: _webhooks(c, SECRET), []),
    Scenario("webhooks: no secret anywhere", _webhooks, []),
    Scenario("webhooks: the client's webhook_secret", _webhooks, [], client_options={"webhook_secret": SECRET}),
    Scenario(
        "webhooks: an event type this version does not know",
        _unknown_event,
        [],
        client_options={"webhook_secret": SECRET},
    ),
]
