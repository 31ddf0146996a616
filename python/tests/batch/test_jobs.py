"""The Batch API workflow against the fake server, with its batch faults."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import cacheai
from cacheai.batch import BatchConfig, BatchError, BatchItemError, BatchRequest, ValidationError
from cacheai.testing import FakeOpenAIServer


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture
def client(server: FakeOpenAIServer) -> Iterator[cacheai.CacheAI]:
    config = BatchConfig(polling_interval=0.0)
    with cacheai.CacheAI(base_url=server.base_url, default_model="gpt-4o-mini", batch=config) as made:
        yield made


def requests(n: int) -> list[BatchRequest]:
    return [BatchRequest(prompt=f"p{i}") for i in range(n)]


def contents(results: list[object]) -> list[object]:
    return [getattr(r, "content", None) or getattr(r, "code", None) for r in results]


def test_submit_wait_retrieve_in_submission_order_at_batch_price(client: cacheai.CacheAI) -> None:
    job = client.submit_batch_job(requests(4), metadata={"run": "t"})
    assert job.status == "validating" and job.request_count == 4 and job.job_id.startswith("batch_")
    status = client.wait_for_batch(job.job_id)
    assert (status.status, status.request_count, status.completed_count, status.failed_count) == ("completed", 4, 4, 0)
    assert status.completed_at is not None
    results = client.retrieve_batch_results(job.job_id)
    assert contents(results) == [f"Echo: p{i}" for i in range(4)]
    first = results[0]
    assert not isinstance(first, BatchItemError)
    live = client.generate_response("p0")
    assert first.usage.estimated_cost == pytest.approx(live.usage.estimated_cost / 2)  # the 50 % batch discount


def test_the_uploaded_jsonl(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    client.submit_batch_job([BatchRequest(prompt="x", temperature=0.5, custom_id="mine", seed=3)])
    upload = server.requests_to("/files")[0]
    assert upload.body["purpose"] == "batch"
    line = upload.body["file"].decode()
    assert line.endswith("\n") and '"custom_id":"mine"' in line and '"seed":3' in line
    assert server.requests_to("/batches")[0].body["endpoint"] == "/v1/chat/completions"


def test_duplicate_custom_ids_fail_before_any_upload(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    with pytest.raises(ValidationError, match="same custom_id 'a'"):
        client.submit_batch_job([BatchRequest(prompt="x", custom_id="a"), BatchRequest(prompt="y", custom_id="a")])
    with pytest.raises(ValidationError, match="request-1"):
        client.submit_batch_job([BatchRequest(prompt="x", custom_id="request-1"), BatchRequest(prompt="y")])
    assert server.requests == []


def test_a_small_max_batch_size_splits_behind_one_job(server: FakeOpenAIServer) -> None:
    config = BatchConfig(polling_interval=0.0, max_batch_size=3)
    with cacheai.CacheAI(base_url=server.base_url, default_model="gpt-4o-mini", batch=config) as client:
        job = client.submit_batch_job(requests(7))
        assert job.job_id.startswith("cacheai-job:") and len(job.batch_ids) == 3
        assert [len(r.body["file"].splitlines()) for r in server.requests_to("/files")] == [3, 3, 1]
        assert [r.body["metadata"]["cacheai_job_part"] for r in server.requests_to("/batches")] == ["1/3", "2/3", "3/3"]
        status = client.wait_for_batch(job.job_id)
        assert (status.status, status.request_count, status.completed_count) == ("completed", 7, 7)
        assert contents(client.retrieve_batch_results(job.job_id)) == [f"Echo: p{i}" for i in range(7)]


def test_retrieval_from_a_new_process(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    job = client.submit_batch_job(requests(5), max_batch_size=2)
    client.wait_for_batch(job.job_id)
    script = (
        "import sys, cacheai\n"
        f"c = cacheai.CacheAI(base_url={server.base_url!r})\n"
        f"print(c.get_batch_status({job.job_id!r}).status)\n"
        f"print('|'.join(r.content for r in c.retrieve_batch_results({job.job_id!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60).stdout
    assert out.splitlines() == ["completed", "|".join(f"Echo: p{i}" for i in range(5))]


def test_a_failed_line_comes_from_the_error_file(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    server.set_batch_faults(fail_custom_ids={"request-1"})
    job = client.submit_batch_job(requests(3))
    status = client.wait_for_batch(job.job_id)
    assert (status.completed_count, status.failed_count) == (2, 1)
    results = client.retrieve_batch_results(job.job_id)
    error = results[1]
    assert isinstance(error, BatchItemError)
    assert (error.index, error.custom_id, error.status_code) == (1, "request-1", 500)
    assert contents(results)[0::2] == ["Echo: p0", "Echo: p2"]


def test_batch_generate_through_the_batch_api_raises_partial_failure(
    server: FakeOpenAIServer, client: cacheai.CacheAI
) -> None:
    assert [r.content for r in client.batch_generate(["a", "b"], use_batch_api=True)] == ["Echo: a", "Echo: b"]
    server.set_batch_faults(fail_custom_ids={"request-0"})
    with pytest.raises(cacheai.batch.PartialFailureError) as caught:
        client.batch_generate(["a", "b"], use_batch_api=True)
    assert caught.value.failed_indices == [0]
    fractions: list[float] = []
    client.batch_generate(["a", "b"], use_batch_api="auto", progress_callback=fractions.append)
    assert fractions == [0.5, 1.0]
    assert len(server.requests_to("/batches")) == 2  # 2 prompts are below the threshold: the thread path


def test_an_expired_batch_gives_partial_results_and_reports_the_missing(
    server: FakeOpenAIServer, client: cacheai.CacheAI
) -> None:
    server.set_batch_faults(expire_after=2)
    job = client.submit_batch_job(requests(4))
    with pytest.raises(BatchError, match="expired") as caught:
        client.wait_for_batch(job.job_id)
    assert caught.value.status.status == "expired"
    results = client.retrieve_batch_results(job.job_id)
    assert contents(results) == ["Echo: p0", "Echo: p1", "missing", "missing"]
    missing = results[3]
    assert isinstance(missing, BatchItemError) and missing.custom_id == "request-3" and "expired" in missing.message


def test_a_completed_batch_with_no_output_file(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    server.set_batch_faults(fail_custom_ids="all")
    job = client.submit_batch_job(requests(2))
    status = client.wait_for_batch(job.job_id)
    assert status.status == "completed" and status.batches[0].output_file_id is None
    assert all(
        isinstance(r, BatchItemError) and r.status_code == 500 for r in client.retrieve_batch_results(job.job_id)
    )


def test_an_empty_string_error_file_id_means_no_error_file(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    server.set_batch_faults(empty_error_file_id=True)
    job = client.submit_batch_job(requests(2))
    status = client.wait_for_batch(job.job_id)
    assert status.batches[0].error_file_id == ""
    assert contents(client.retrieve_batch_results(job.job_id)) == ["Echo: p0", "Echo: p1"]


def test_a_failed_batch_raises_with_the_server_errors(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    server.set_batch_faults(fail_batch=[{"code": "token_limit_exceeded", "message": "Enqueued token limit", "line": 1}])
    job = client.submit_batch_job(requests(1))
    with pytest.raises(BatchError, match="token_limit_exceeded") as caught:
        client.wait_for_batch(job.job_id)
    assert [(e.code, e.line) for e in caught.value.errors] == [("token_limit_exceeded", 1)]


def test_delete_files_removes_input_and_results(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    job = client.submit_batch_job(requests(2))
    client.wait_for_batch(job.job_id)
    client.retrieve_batch_results(job.job_id, delete_files=True)
    assert client.files.list().data == []


def test_wait_times_out(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    job = client.submit_batch_job(requests(1))
    with pytest.raises(TimeoutError, match="still"):
        client.wait_for_batch(job.job_id, timeout=0.0)


def test_a_server_without_the_batch_api_names_the_404(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    server.fail_next(1, 404, path="/batches")
    with pytest.raises(BatchError, match=r"POST /batches answered 404 .* no Batch API"):
        client.submit_batch_job(requests(1))


@pytest.fixture
def no_retries(server: FakeOpenAIServer) -> Iterator[cacheai.CacheAI]:
    """The client's own retries would absorb the refusals: these are what is left after them."""
    config = BatchConfig(polling_interval=0.0)
    with cacheai.CacheAI(base_url=server.base_url, default_model="m", batch=config, max_retries=0) as made:
        yield made


def test_wait_backs_off_when_the_server_asks(server: FakeOpenAIServer, no_retries: cacheai.CacheAI) -> None:
    from cacheai.batch._jobs import wait_for_batch

    client = no_retries
    job = client.submit_batch_job(requests(1))
    path = f"/batches/{job.job_id}"
    server.fail_next(1, 429, headers={"retry-after": "7"}, path=path)
    server.fail_next(2, 429, path=path)  # no Retry-After: the wait doubles
    server.fail_next(1, 503, headers={"retry-after-ms": "1500"}, path=path)
    slept: list[float] = []
    status = wait_for_batch(client, job.job_id, polling_interval=2.0, timeout=None, progress=False, sleep=slept.append)
    assert status.status == "completed"
    assert slept[:4] == [7.0, 4.0, 8.0, 1.5]  # then the ordinary polling interval
    assert set(slept[4:]) <= {2.0}


def test_wait_gives_up_at_the_timeout_while_refused(server: FakeOpenAIServer, no_retries: cacheai.CacheAI) -> None:
    client = no_retries
    job = client.submit_batch_job(requests(1))
    server.fail_next(1, 429, path=f"/batches/{job.job_id}")
    with pytest.raises(TimeoutError, match=r"still refuses status checks \(429\)") as caught:
        client.wait_for_batch(job.job_id, timeout=0.0)
    assert isinstance(caught.value.__cause__, cacheai.RateLimitError)


def test_other_errors_of_a_status_check_are_raised(server: FakeOpenAIServer, no_retries: cacheai.CacheAI) -> None:
    client = no_retries
    job = client.submit_batch_job(requests(1))
    server.fail_next(1, 401, path=f"/batches/{job.job_id}")
    with pytest.raises(cacheai.AuthenticationError):
        client.wait_for_batch(job.job_id)


def test_a_request_with_both_prompt_and_messages_is_refused_even_with_an_input() -> None:
    messages = [{"role": "user", "content": "m"}]
    with pytest.raises(ValidationError, match="not both"):
        BatchRequest(prompt="p", messages=messages)
    with pytest.raises(ValidationError, match="not both"):
        BatchRequest(prompt="p", messages=messages, input="i")  # was: messages silently dropped
    with pytest.raises(ValidationError, match=r"or input="):
        BatchRequest(model="m")
    assert BatchRequest(input="i", model="text-embedding-3-small").to_body(None) == {
        "model": "text-embedding-3-small",
        "input": "i",
    }


def test_dict_requests_are_checked_as_batch_requests(server: FakeOpenAIServer, client: cacheai.CacheAI) -> None:
    with pytest.raises(ValidationError, match=r"requests\[1\] is a str; pass BatchRequest objects or dicts"):
        client.submit_batch_job([{"prompt": "x"}, "y"])  # type: ignore[list-item]
    both = {"prompt": "x", "messages": [{"role": "user", "content": "m"}]}
    with pytest.raises(ValidationError, match=r"requests\[0\]: .*not both"):  # the prompt used to replace them
        client.submit_batch_job([both])
    with pytest.raises(ValidationError, match=r"requests\[0\]: keywords must be strings"):
        client.submit_batch_job([{1: "x"}])  # type: ignore[dict-item]
    assert server.requests == []
    client.submit_batch_job([{"prompt": "x", "custom_id": "c", "seed": 3}])
    line = json.loads(server.requests_to("/files")[0].body["file"])
    assert line["custom_id"] == "c"
    assert line["body"] == {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}], "seed": 3}


def test_a_server_file_line_that_is_not_json_is_a_batch_error_naming_it() -> None:
    from types import SimpleNamespace

    from cacheai.batch._jobs import _json_lines

    content = b'{"custom_id": "a"}\n\n{not json\n'
    files = SimpleNamespace(content=lambda file_id: SimpleNamespace(read=lambda: content))
    client: Any = SimpleNamespace(files=files)
    with pytest.raises(BatchError, match=r"line 3 of file file-out is not JSON \(Expecting property name"):
        _json_lines(client, "file-out")
    content = b'{"custom_id": "a"}\n\n{"custom_id": "b"}\n'
    assert _json_lines(client, "file-out") == [{"custom_id": "a"}, {"custom_id": "b"}]


@pytest.mark.parametrize("size", [0, -1, 2.5, True])
def test_a_max_batch_size_that_is_no_positive_integer_is_refused(
    server: FakeOpenAIServer, client: cacheai.CacheAI, size: object
) -> None:
    # 0 used to fall back to the default silently, -1 to put every request in a batch of its own
    with pytest.raises(ValidationError, match=f"max_batch_size must be a positive integer, got {size!r}"):
        client.submit_batch_job(requests(2), max_batch_size=size)  # type: ignore[arg-type]
    assert server.requests == []


@pytest.mark.parametrize("interval", [-1, float("nan"), "5"])
def test_a_bad_polling_interval_is_refused_before_any_status_check(
    server: FakeOpenAIServer, client: cacheai.CacheAI, interval: object
) -> None:
    job = client.submit_batch_job(requests(1))
    sent = len(server.requests)
    # -1 used to fail in time.sleep after the first check ("sleep length must be non-negative")
    with pytest.raises(ValueError, match="polling_interval must be a number of seconds, 0 or more"):
        client.wait_for_batch(job.job_id, polling_interval=interval)  # type: ignore[arg-type]
    assert len(server.requests) == sent


def test_max_concurrent_with_the_batch_api_is_refused_before_anything_is_sent(
    server: FakeOpenAIServer, client: cacheai.CacheAI
) -> None:
    sent = len(server.requests)
    with pytest.raises(ValueError, match=r"max_concurrent .* use_batch_api=True"):
        client.batch_generate(["a"], use_batch_api=True, max_concurrent=4)
    assert len(server.requests) == sent
    # with "auto" it is a legitimate choice: it applies when the prompts are answered by calls
    assert [r.content for r in client.batch_generate(["a"], use_batch_api="auto", max_concurrent=4)] == ["Echo: a"]
