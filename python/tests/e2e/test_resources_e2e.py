"""Every resource of issue 3 against a real local server: request shape on the wire and parsed results."""

from __future__ import annotations

import base64
import io
import json
import struct
from pathlib import Path

import pytest

import cacheai
from cacheai import CacheAI
from cacheai.testing import FakeOpenAIServer
from cacheai.types import (
    Batch,
    Completion,
    CreateEmbeddingResponse,
    FileDeleted,
    FileObject,
    Model,
)
from cacheai.types.responses import Response


@pytest.fixture
def client(server: FakeOpenAIServer):
    with CacheAI(base_url=server.base_url, max_retries=0) as c:
        yield c


# -- completions -----------------------------------------------------------------------------------------------


def test_completion_with_every_prompt_shape(client: CacheAI, server: FakeOpenAIServer) -> None:
    for prompt in ("Once upon", ["a", "b"], [1, 2, 3], [[1, 2], [3]]):
        completion = client.completions.create(model="gpt-3.5-turbo-instruct", prompt=prompt, max_tokens=5)
        assert isinstance(completion, Completion)
        assert server.last_request.json() == {"model": "gpt-3.5-turbo-instruct", "prompt": prompt, "max_tokens": 5}
    assert client.completions.create(model="m", prompt="Once upon").choices[0].text == "Echo: Once upon"


def test_completion_prompt_from_a_generator_is_sent_as_a_list(client: CacheAI, server: FakeOpenAIServer) -> None:
    client.completions.create(model="m", prompt=(t for t in (5, 6)))
    assert server.last_request.json()["prompt"] == [5, 6]


def test_completion_stream(client: CacheAI) -> None:
    chunks = list(client.completions.create(model="m", prompt="one two", stream=True))
    assert all(isinstance(c, Completion) for c in chunks)
    assert "".join(c.choices[0].text for c in chunks if c.choices) == "Echo: one two"


def test_completion_requires_model_and_prompt(client: CacheAI) -> None:
    with pytest.raises(TypeError, match="Missing required arguments"):
        client.completions.create(model="m")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="unexpected keyword argument 'promt'"):
        client.completions.create(model="m", prompt="x", promt="typo")  # type: ignore[call-overload]


# -- models ----------------------------------------------------------------------------------------------------


def test_models_list_retrieve_and_not_found(client: CacheAI, server: FakeOpenAIServer) -> None:
    page = client.models.list()
    ids = [m.id for m in page]
    assert ids and ids == [m.id for m in page.data]
    assert all(isinstance(m, Model) for m in page.data)
    assert page._request_id
    model = client.models.retrieve(ids[0])
    assert model.id == ids[0]
    with pytest.raises(cacheai.NotFoundError):
        client.models.retrieve("no-such-model")
    with pytest.raises(ValueError, match="non-empty value for `model`"):
        client.models.retrieve("")


def test_model_ids_with_slashes_are_encoded(client: CacheAI, server: FakeOpenAIServer) -> None:
    with pytest.raises(cacheai.NotFoundError):
        client.models.retrieve("ft:gpt-4o:org/x y")
    assert server.last_request.path.endswith("/models/ft:gpt-4o:org%2Fx%20y")


# -- embeddings ------------------------------------------------------------------------------------------------


def test_embeddings_default_asks_for_base64_and_returns_floats(client: CacheAI, server: FakeOpenAIServer) -> None:
    result = client.embeddings.create(model="text-embedding-3-small", input=["a", "b"], dimensions=8)
    assert isinstance(result, CreateEmbeddingResponse)
    assert server.last_request.json() == {
        "model": "text-embedding-3-small",
        "input": ["a", "b"],
        "dimensions": 8,
        "encoding_format": "base64",
    }
    assert len(result.data) == 2
    for item in result.data:
        assert isinstance(item.embedding, list) and len(item.embedding) == 8
        assert all(isinstance(x, float) for x in item.embedding)
    # The same vectors as the float path, to float32 precision.
    floats = client.embeddings.create(
        model="text-embedding-3-small", input=["a", "b"], dimensions=8, encoding_format="float"
    )
    assert floats.data[0].embedding == pytest.approx(result.data[0].embedding, rel=1e-6)


def test_explicit_encoding_format_is_sent_and_left_alone(client: CacheAI, server: FakeOpenAIServer) -> None:
    result = client.embeddings.create(model="m", input="a", dimensions=4, encoding_format="base64")
    assert server.last_request.json()["encoding_format"] == "base64"
    raw = result.data[0].embedding
    assert isinstance(raw, str)
    assert len(struct.unpack("<4f", base64.b64decode(raw))) == 4


def test_server_ignoring_base64_still_gives_floats(client: CacheAI, server: FakeOpenAIServer) -> None:
    body = {
        "object": "list",
        "model": "m",
        "usage": {"prompt_tokens": 1, "total_tokens": 1},
        "data": [{"object": "embedding", "index": 0, "embedding": [0.5, -1.25]}],
    }
    server.respond_next(200, json.dumps(body).encode(), path="/embeddings")
    assert client.embeddings.create(model="m", input="a").data[0].embedding == [0.5, -1.25]


def test_server_rejecting_base64_is_asked_for_floats(client: CacheAI, server: FakeOpenAIServer) -> None:
    server.fail_next(1, status=400, message="encoding_format 'base64' is not supported", path="/embeddings")
    result = client.embeddings.create(model="m", input="a", dimensions=3)
    assert len(result.data[0].embedding) == 3
    sent = [r.json()["encoding_format"] for r in server.requests_to("/embeddings")]
    assert sent == ["base64", "float"]


def test_empty_embedding_data_is_an_error(client: CacheAI, server: FakeOpenAIServer) -> None:
    body = {"object": "list", "model": "m", "data": [], "usage": {"prompt_tokens": 0, "total_tokens": 0}}
    server.respond_next(200, json.dumps(body).encode(), path="/embeddings")
    with pytest.raises(ValueError, match="No embedding data received"):
        client.embeddings.create(model="m", input="a")


def test_embedding_token_inputs(client: CacheAI, server: FakeOpenAIServer) -> None:
    client.embeddings.create(model="m", input=[[1, 2], [3]], encoding_format="float")
    assert server.last_request.json()["input"] == [[1, 2], [3]]


# -- files -----------------------------------------------------------------------------------------------------


def test_file_upload_from_path_bytes_file_object_and_tuple(
    client: CacheAI, server: FakeOpenAIServer, tmp_path: Path
) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(b'{"a": 1}\n')
    uploads = [
        (path, "data.jsonl"),
        (b"raw bytes", "upload"),
        (io.BytesIO(b"from a file"), "upload"),
        (("named.txt", b"tuple content", "text/plain"), "named.txt"),
    ]
    for file, expected_name in uploads:
        created = client.files.create(file=file, purpose="batch")
        assert isinstance(created, FileObject)
        assert created.filename == expected_name and created.purpose == "batch"
        assert server.last_request.headers["content-type"].startswith("multipart/form-data; boundary=")
    with open(path, "rb") as handle:
        assert client.files.create(file=handle, purpose="batch").filename == "data.jsonl"
    assert client.files.content(created.id).read() == b"tuple content"


def test_file_upload_rejects_text_mode(client: CacheAI, tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("x")
    with open(path) as handle, pytest.raises(TypeError, match="binary mode"):
        client.files.create(file=handle, purpose="batch")  # type: ignore[arg-type]


def test_files_retrieve_list_pages_content_and_delete(
    client: CacheAI, server: FakeOpenAIServer, tmp_path: Path
) -> None:
    ids = [client.files.create(file=(f"f{i}.txt", f"content {i}".encode()), purpose="batch").id for i in range(5)]
    assert client.files.retrieve(ids[0]).id == ids[0]
    page = client.files.list(limit=2)
    assert len(page.data) == 2 and page.has_next_page()
    walked = [f.id for f in page]
    assert sorted(walked) == sorted(ids)
    assert len([r for r in server.requests if r.method == "GET" and r.path.endswith("/files")]) == 3
    content = client.files.content(ids[1])
    assert content.text == "content 1"
    target = tmp_path / "out.txt"
    content.write_to_file(target)
    assert target.read_bytes() == b"content 1"
    deleted = client.files.delete(ids[0])
    assert isinstance(deleted, FileDeleted) and deleted.deleted and deleted.id == ids[0]
    with pytest.raises(cacheai.NotFoundError):
        client.files.retrieve(ids[0])


# -- batches ---------------------------------------------------------------------------------------------------


def test_batch_lifecycle_produces_an_output_file(client: CacheAI, server: FakeOpenAIServer) -> None:
    lines = [
        {
            "custom_id": f"req-{i}",
            "method": "POST",
            "url": "/v1/chat/completions",
            "body": {"model": "m", "messages": [{"role": "user", "content": f"q{i}"}]},
        }
        for i in range(3)
    ]
    jsonl = "".join(json.dumps(line) + "\n" for line in lines).encode()
    input_file = client.files.create(file=("batch.jsonl", jsonl), purpose="batch")
    batch = client.batches.create(
        input_file_id=input_file.id,
        endpoint="/v1/chat/completions",
        completion_window="24h",
        metadata={"job": "nightly"},
    )
    assert isinstance(batch, Batch) and batch.status == "validating"
    assert server.last_request.json() == {
        "completion_window": "24h",
        "endpoint": "/v1/chat/completions",
        "input_file_id": input_file.id,
        "metadata": {"job": "nightly"},
    }
    for _ in range(10):
        batch = client.batches.retrieve(batch.id)
        if batch.status == "completed":
            break
    assert batch.status == "completed"
    assert batch.request_counts is not None and batch.request_counts.completed == 3
    assert batch.output_file_id
    results = [json.loads(line) for line in client.files.content(batch.output_file_id).text.splitlines()]
    answers = {r["custom_id"]: r["response"]["body"]["choices"][0]["message"]["content"] for r in results}
    assert answers == {f"req-{i}": f"Echo: q{i}" for i in range(3)}
    assert [b.id for b in client.batches.list(limit=1)] == [batch.id]


def test_batch_cancel(client: CacheAI, server: FakeOpenAIServer) -> None:
    input_file = client.files.create(file=("b.jsonl", b""), purpose="batch")
    batch = client.batches.create(input_file_id=input_file.id, endpoint="/v1/embeddings", completion_window="24h")
    cancelled = client.batches.cancel(batch.id)
    assert cancelled.status in ("cancelling", "cancelled")
    assert server.last_request.method == "POST" and server.last_request.path.endswith(f"/batches/{batch.id}/cancel")


# -- responses -------------------------------------------------------------------------------------------------


def test_responses_create_and_output_text(client: CacheAI, server: FakeOpenAIServer) -> None:
    response = client.responses.create(model="gpt-4o-mini", input="hello there", instructions="Be brief")
    assert isinstance(response, Response)
    assert response.output_text == "Echo: hello there"
    assert server.last_request.json() == {"model": "gpt-4o-mini", "input": "hello there", "instructions": "Be brief"}


def test_responses_input_as_items(client: CacheAI, server: FakeOpenAIServer) -> None:
    items = [{"role": "user", "content": [{"type": "input_text", "text": "from items"}]}]
    response = client.responses.create(model="m", input=items)
    assert server.last_request.json()["input"] == items
    assert "from items" in response.output_text


def test_responses_stream_events_are_typed(client: CacheAI) -> None:
    events = list(client.responses.create(model="m", input="one two", stream=True))
    types = [e.type for e in events]
    assert types[0] == "response.created" and types[-1] == "response.completed"
    deltas = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert deltas == "Echo: one two"


def test_raw_response_for_every_resource(client: CacheAI) -> None:
    raw = client.models.with_raw_response.list()
    assert raw.status_code == 200 and raw.headers["content-type"].startswith("application/json")
    assert [m.id for m in raw.parse()]
    raw_embed = client.embeddings.with_raw_response.create(model="m", input="a", dimensions=2)
    assert len(raw_embed.parse().data[0].embedding) == 2  # parse() applies the base64 decoding too
    raw_completion = client.completions.with_raw_response.create(model="m", prompt="hi")
    assert raw_completion.parse().choices[0].text == "Echo: hi"
