"""Bad input is never reshaped: a wrong-typed value for any parameter of any method is either sent exactly as
openai sends it, or refused before anything is sent with an error naming the parameter (property test; the wire
of both clients is compared through the recording server)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import openai
import pytest
from differential_harness import Scenario, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from recording_server import RecordingServer, Reply
from signatures import CALL_OPTIONS, parameters

import cacheai

USER = [{"role": "user", "content": "Hi"}]
# Each method with valid values for its required parameters; the test replaces one parameter at a time.
METHODS: dict[str, dict[str, Any]] = {
    "chat.completions.create": {"model": "m", "messages": USER},
    "chat.completions.retrieve": {"completion_id": "c1"},
    "chat.completions.update": {"completion_id": "c1", "metadata": {"k": "v"}},
    "chat.completions.list": {},
    "chat.completions.delete": {"completion_id": "c1"},
    "chat.completions.messages.list": {"completion_id": "c1"},
    "completions.create": {"model": "m", "prompt": "Hi"},
    "embeddings.create": {"model": "m", "input": "Hi"},
    "files.create": {"file": b"data", "purpose": "batch"},
    "files.retrieve": {"file_id": "f1"},
    "files.list": {},
    "files.delete": {"file_id": "f1"},
    "files.content": {"file_id": "f1"},
    "models.retrieve": {"model": "m"},
    "models.delete": {"model": "m"},
    "batches.create": {"completion_window": "24h", "endpoint": "/v1/chat/completions", "input_file_id": "f1"},
    "batches.retrieve": {"batch_id": "b1"},
    "batches.list": {},
    "batches.cancel": {"batch_id": "b1"},
    "responses.create": {"model": "m", "input": "Hi"},
    "responses.retrieve": {"response_id": "r1"},
    "responses.delete": {"response_id": "r1"},
    "responses.cancel": {"response_id": "r1"},
    "responses.input_items.list": {"response_id": "r1"},
    "responses.input_tokens.count": {},
    "responses.compact": {"model": "m"},
    "fine_tuning.jobs.create": {"model": "m", "training_file": "f1"},
    "fine_tuning.jobs.retrieve": {"fine_tuning_job_id": "j1"},
    "fine_tuning.jobs.list": {},
    "fine_tuning.jobs.cancel": {"fine_tuning_job_id": "j1"},
    "fine_tuning.jobs.list_events": {"fine_tuning_job_id": "j1"},
    "fine_tuning.jobs.checkpoints.list": {"fine_tuning_job_id": "j1"},
    "fine_tuning.checkpoints.permissions.create": {"fine_tuned_model_checkpoint": "c1", "project_ids": ["p1"]},
    "fine_tuning.checkpoints.permissions.list": {"fine_tuned_model_checkpoint": "c1"},
    "fine_tuning.checkpoints.permissions.delete": {"fine_tuned_model_checkpoint": "c1", "permission_id": "p1"},
    "fine_tuning.alpha.graders.run": {"grader": {"type": "string_check"}, "model_sample": "s"},
    "fine_tuning.alpha.graders.validate": {"grader": {"type": "string_check"}},
    "uploads.create": {"bytes": 1, "filename": "a", "mime_type": "text/plain", "purpose": "batch"},
    "uploads.parts.create": {"upload_id": "u1", "data": b"x"},
    "uploads.complete": {"upload_id": "u1", "part_ids": ["p1"]},
    "uploads.cancel": {"upload_id": "u1"},
    "vector_stores.create": {},
    "vector_stores.update": {"vector_store_id": "vs1"},
    "vector_stores.list": {},
    "vector_stores.search": {"vector_store_id": "vs1", "query": "q"},
    "vector_stores.files.create": {"vector_store_id": "vs1", "file_id": "f1"},
    "vector_stores.files.update": {"vector_store_id": "vs1", "file_id": "f1", "attributes": {"k": "v"}},
    "vector_stores.files.list": {"vector_store_id": "vs1"},
    "vector_stores.file_batches.create": {"vector_store_id": "vs1", "file_ids": ["f1"]},
    "vector_stores.file_batches.list_files": {"vector_store_id": "vs1", "batch_id": "b1"},
    "moderations.create": {"input": "Hi"},
    "images.generate": {"prompt": "a fox"},
    "images.edit": {"image": b"png", "prompt": "a hat"},
    "images.create_variation": {"image": b"png"},
    "audio.speech.create": {"model": "tts-1", "voice": "alloy", "input": "Hi"},
    "audio.transcriptions.create": {"file": b"wav", "model": "whisper-1"},
    "audio.translations.create": {"file": b"wav", "model": "whisper-1"},
    "audio.voices.create": {"name": "n", "prompt": "a calm voice", "type": "prompt"},
    "audio.voices.delete": {"voice_id": "v1"},
    "audio.voice_consents.create": {"language": "en-US", "name": "n", "recording": b"wav"},
    "audio.voice_consents.retrieve": {"consent_id": "c1"},
    "audio.voice_consents.update": {"consent_id": "c1", "name": "n"},
    "audio.voice_consents.list": {},
    "audio.voice_consents.delete": {"consent_id": "c1"},
}
# Parameters whose right type is a file (multipart), tested with wrong types too but never with a str path.
FILE_PARAMS = {"file", "data", "image", "mask", "markup", "audio_sample", "recording"}


def _method(client: Any, path: str) -> Callable[..., Any]:
    for part in path.split("."):
        client = getattr(client, part)
    return client  # type: ignore[no-any-return]


def _cases() -> list[tuple[str, str]]:
    oracle = openai.OpenAI(api_key="k", base_url="http://127.0.0.1:9/v1")
    cases = []
    for path in METHODS:
        for name in parameters(_method(oracle, path)):
            if name not in CALL_OPTIONS and not name.startswith("*"):
                cases.append((path, name))
    return cases


CASES = _cases()

# A plain value of some JSON-ish type (or bytes), and how it is wrapped: as is, or as a tuple, generator or set.
_atoms = st.one_of(
    st.text(alphabet="ab1 ", max_size=4),
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False, width=16),
    st.booleans(),
    st.none(),
    st.binary(max_size=3),
)
_values = st.one_of(
    _atoms,
    st.lists(st.one_of(st.integers(0, 3), st.text(alphabet="ab", max_size=2)), max_size=3),
    st.dictionaries(st.text(alphabet="ab", min_size=1, max_size=2), st.integers(0, 3), max_size=2),
    st.lists(st.dictionaries(st.sampled_from(["role", "content", "x"]), st.text(alphabet="ab", max_size=2)), max_size=2),  # noqa: E501
)
_wrappers = st.sampled_from(["as is", "tuple", "generator", "set"])


def _build(value: Any, wrapper: str) -> Any:
    if wrapper == "as is" or not isinstance(value, list):
        return value
    if wrapper == "tuple":
        return tuple(value)
    if wrapper == "generator":
        return (item for item in value)
    try:
        return set(value)
    except TypeError:  # unhashable items
        return tuple(value)


@pytest.fixture(scope="module")
def server() -> Iterator[RecordingServer]:
    recording = RecordingServer().start()
    yield recording
    recording.stop()


def test_every_method_and_parameter_is_covered() -> None:
    assert {path for path, _ in CASES} == set(METHODS)  # (models.list has only the per-call options)
    assert len(CASES) >= 100


@pytest.mark.parametrize(("path", "name"), CASES, ids=[f"{p}:{n}" for p, n in CASES])
@settings(max_examples=4, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(value=_values, wrapper=_wrappers)
def test_wrong_type_is_sent_as_openai_sends_it_or_refused(
    server: RecordingServer, path: str, name: str, value: Any, wrapper: str
) -> None:
    _check(server, path, name, value, wrapper)


# Cases the property test found once, kept so that every run tries them (hypothesis' examples vary with what
# ran before in the same process).
@pytest.mark.parametrize(
    ("path", "name", "value", "wrapper"),
    [
        ("chat.completions.create", "modalities", [], "generator"),  # openai's List, not Iterable: not converted
        ("chat.completions.create", "modalities", ["text"], "set"),
        ("chat.completions.create", "modalities", ["text"], "tuple"),
        ("chat.completions.create", "messages", [], "generator"),  # an Iterable: sent as a JSON array
    ],
)
def test_known_cases(server: RecordingServer, path: str, name: str, value: Any, wrapper: str) -> None:
    _check(server, path, name, value, wrapper)


def _check(server: RecordingServer, path: str, name: str, value: Any, wrapper: str) -> None:
    if name in FILE_PARAMS and isinstance(value, str):
        value = value.encode()  # a str is a path to both clients; the bytes of it are the wrong-typed content

    def call(client: Any) -> Any:
        kwargs = {**METHODS[path], name: _build(value, wrapper)}
        return _method(client, path)(**kwargs)

    scenario = Scenario(f"{path}:{name}", call, [Reply(status=400, json={"error": {"message": "bad"}})] * 2)
    expected, actual = run(server, scenario, openai.OpenAI), run(server, scenario, cacheai.CacheAI)

    if actual.error is not None and actual.error["class"] in ("TypeError", "ValueError") and not actual.requests:
        assert f"`{name}`" in actual.error["message"] or f"'{name}'" in actual.error["message"], actual.error
        return
    assert actual.requests == expected.requests, f"{path}({name}={value!r} {wrapper}): different wire"
    assert (actual.error or {}).get("class") == (expected.error or {}).get("class")
