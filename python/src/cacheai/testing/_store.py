"""In-memory files and batches of the fake server."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ._faults import BatchFaults, error_body
from ._shapes import new_id, now

__all__ = ["BATCH_ENDPOINTS", "BatchStore", "FileStore", "StoredFile"]

BATCH_ENDPOINTS = ("/v1/chat/completions", "/v1/completions", "/v1/embeddings", "/v1/responses")

LineRunner = Callable[[str, dict[str, Any]], "tuple[int, dict[str, Any]]"]
"""Runs one batch line: (endpoint url, body) -> (status, response body)."""


@dataclass
class StoredFile:
    id: str
    filename: str
    purpose: str
    content: bytes
    created_at: int = field(default_factory=now)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "file",
            "bytes": len(self.content),
            "created_at": self.created_at,
            "filename": self.filename,
            "purpose": self.purpose,
            "status": "processed",
            "expires_at": None,
            "status_details": None,
        }


class FileStore:
    """Uploaded files, in upload order."""

    def __init__(self) -> None:
        self._files: dict[str, StoredFile] = {}

    def add(self, filename: str, purpose: str, content: bytes) -> StoredFile:
        stored = StoredFile(id=new_id("file-"), filename=filename, purpose=purpose, content=content)
        self._files[stored.id] = stored
        return stored

    def get(self, file_id: str) -> StoredFile | None:
        return self._files.get(file_id)

    def text(self, file_id: str) -> str:
        """The file's content as text (undecodable bytes replaced); ``""`` when there is no such file."""
        stored = self._files.get(file_id)
        return stored.content.decode("utf-8", errors="replace") if stored else ""

    def delete(self, file_id: str) -> bool:
        return self._files.pop(file_id, None) is not None

    def matching(self, purpose: str | None = None) -> list[StoredFile]:
        return [f for f in self._files.values() if purpose is None or f.purpose == purpose]


class BatchStore:
    """Batches, created ``validating``; each retrieval moves one step: -> in_progress -> completed.

    The output (and error) files are produced when the batch completes, by running every input line
    through the fake model.
    """

    def __init__(self, files: FileStore, run_line: LineRunner) -> None:
        self._files = files
        self._run_line = run_line
        self._batches: dict[str, dict[str, Any]] = {}
        self.faults = BatchFaults()

    def create(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        endpoint = body.get("endpoint")
        input_file_id = body.get("input_file_id")
        if endpoint not in BATCH_ENDPOINTS:
            return 400, {"param": "endpoint", "message": f"Unsupported batch endpoint: {endpoint!r}"}
        if not isinstance(input_file_id, str) or self._files.get(input_file_id) is None:
            return 400, {"param": "input_file_id", "message": f"No such file: {input_file_id!r}"}
        created = now()
        batch: dict[str, Any] = {
            "id": new_id("batch_"),
            "object": "batch",
            "endpoint": endpoint,
            "input_file_id": input_file_id,
            "completion_window": body.get("completion_window", "24h"),
            "status": "validating",
            "created_at": created,
            "expires_at": created + 86_400,
            "metadata": body.get("metadata"),
            "output_file_id": None,
            "error_file_id": None,
            "errors": None,
            "in_progress_at": None,
            "finalizing_at": None,
            "completed_at": None,
            "failed_at": None,
            "expired_at": None,
            "cancelling_at": None,
            "cancelled_at": None,
            "request_counts": {"total": 0, "completed": 0, "failed": 0},
        }
        self._batches[batch["id"]] = batch
        return 200, dict(batch)

    def retrieve(self, batch_id: str) -> dict[str, Any] | None:
        batch = self._batches.get(batch_id)
        if batch is None:
            return None
        self._advance(batch)
        return dict(batch)

    def cancel(self, batch_id: str) -> dict[str, Any] | None:
        batch = self._batches.get(batch_id)
        if batch is None:
            return None
        if batch["status"] in ("validating", "in_progress"):
            batch.update(status="cancelling", cancelling_at=now())
            snapshot = dict(batch)
            batch.update(status="cancelled", cancelled_at=now())
            return snapshot
        return dict(batch)

    def newest_first(self) -> list[dict[str, Any]]:
        return [dict(b) for b in reversed(self._batches.values())]

    def _advance(self, batch: dict[str, Any]) -> None:
        if batch["status"] == "validating" and self.faults.fail_batch is not None:
            data = [{"code": None, "line": None, "param": None, **entry} for entry in self.faults.fail_batch]
            batch.update(status="failed", failed_at=now(), errors={"object": "list", "data": data})
        elif batch["status"] == "validating":
            lines = self._input_lines(batch)
            batch.update(status="in_progress", in_progress_at=now())
            batch["request_counts"] = {"total": len(lines), "completed": 0, "failed": 0}
        elif batch["status"] == "in_progress":
            batch.update(status="finalizing", finalizing_at=now())
            expired = self._finish(batch)
            if expired:
                batch.update(status="expired", expired_at=now())
            else:
                batch.update(status="completed", completed_at=now())

    def _input_lines(self, batch: dict[str, Any]) -> list[str]:
        return [line for line in self._files.text(batch["input_file_id"]).splitlines() if line.strip()]

    def _finish(self, batch: dict[str, Any]) -> bool:
        """Run the lines into the output and error files; ``True`` when the batch expired on the way."""
        faults = self.faults
        outputs: list[str] = []
        errors: list[str] = []
        lines = self._input_lines(batch)
        expired = faults.expire_after is not None and faults.expire_after < len(lines)
        for number, line in enumerate(lines[: faults.expire_after] if expired else lines, start=1):
            result, ok = self._run(batch["endpoint"], line, number)
            if ok and faults.fails(result["custom_id"]):
                body = error_body("The server had an error processing this request.", status=500)
                result["response"] = {"status_code": 500, "request_id": new_id("req_"), "body": body}
                ok = False
            (outputs if ok else errors).append(json.dumps(result))
        batch["request_counts"] = {
            "total": len(lines),
            "completed": len(outputs),
            "failed": len(errors),
        }
        if outputs:
            output = self._files.add("batch_output.jsonl", "batch_output", ("\n".join(outputs) + "\n").encode())
            batch["output_file_id"] = output.id
        if errors:
            error_file = self._files.add("batch_errors.jsonl", "batch_output", ("\n".join(errors) + "\n").encode())
            batch["error_file_id"] = error_file.id
        elif faults.empty_error_file_id:
            batch["error_file_id"] = ""
        return expired

    def _run(self, endpoint: str, line: str, number: int) -> tuple[dict[str, Any], bool]:
        try:
            request = json.loads(line)
        except ValueError:
            request = None
        custom_id = request.get("custom_id") if isinstance(request, dict) else None
        result: dict[str, Any] = {
            "id": new_id("batch_req_"),
            "custom_id": custom_id,
            "response": None,
            "error": None,
        }
        if not isinstance(request, dict) or not isinstance(request.get("body"), dict):
            result["error"] = {
                "code": "invalid_json_line",
                "message": f"Line {number} is not a valid request.",
            }
            return result, False
        url = request.get("url", endpoint)
        if url != endpoint:
            result["error"] = {
                "code": "mismatched_url",
                "message": f"Line {number} targets {url}, not {endpoint}.",
            }
            return result, False
        status, response_body = self._run_line(endpoint, request["body"])
        result["response"] = {"status_code": status, "request_id": new_id("req_"), "body": response_body}
        return result, status < 400
