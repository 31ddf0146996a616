"""moderations, images and audio: argument checks, result types by response_format, streams, binary bodies
and retried uploads, with `responses` mocking requests (no server)."""

from __future__ import annotations

import io
import json

import openai
import pytest
import responses

import cacheai
from cacheai import CacheAI, RetryPolicy
from cacheai.types import ImageGenCompletedEvent, ImagesResponse, ModerationCreateResponse
from cacheai.types.audio import Transcription, TranscriptionTextDeltaEvent, TranscriptionVerbose, Translation

BASE = "http://api.test/v1"
IMAGES = {"created": 1, "data": [{"b64_json": "aGk="}]}


@pytest.fixture
def client():
    with CacheAI(base_url=BASE, api_key="sk-unit", max_retries=0) as c:
        yield c


def _form_names(call: responses.Call) -> list[str]:
    body = call.request.body
    assert isinstance(body, bytes)
    return sorted(
        line.split(b'name="')[1].split(b'"')[0].decode()
        for line in body.split(b"\r\n")
        if b"Content-Disposition" in line
    )


def test_missing_and_unknown_arguments_are_type_errors_before_sending(client: CacheAI) -> None:
    with pytest.raises(TypeError, match=r"Expected either \('prompt'\) or \('prompt' and 'stream'\)"):
        client.images.generate()  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"\('file' and 'model'\)"):
        client.audio.transcriptions.create(model="whisper-1")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="unexpected keyword argument 'sizes'; send parameters"):
        client.images.edit(image=b"x", prompt="p", sizes="1x1")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="'input'"):
        client.moderations.create()  # type: ignore[call-arg]


@pytest.mark.parametrize("make", [lambda c: c.images.create_variation, lambda c: c.audio.translations.create])
def test_deprecated_as_in_openai(make: object) -> None:
    reference = openai.OpenAI(api_key="k", base_url=BASE)
    ours = CacheAI(api_key="k", base_url=BASE)
    for method in (make(reference), make(ours)):  # type: ignore[operator]
        assert getattr(method, "__deprecated__", None) == "deprecated"


@responses.activate
@pytest.mark.parametrize(
    ("response_format", "body", "content_type", "expected"),
    [
        ("text", "Hi there.\n", "text/plain", "Hi there.\n"),
        ("srt", "1\n00:00:00,000 --> 00:00:01,000\nHi\n\n", "application/x-subrip", None),
        ("vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHi\n\n", "text/vtt", None),
    ],
)
def test_text_formats_return_the_body_as_str(
    client: CacheAI, response_format: str, body: str, content_type: str, expected: str | None
) -> None:
    responses.post(f"{BASE}/audio/transcriptions", body=body, content_type=content_type)
    result = client.audio.transcriptions.create(file=b"RIFF", model="whisper-1", response_format=response_format)  # type: ignore[call-overload]
    assert isinstance(result, str) and result == (expected or body)


@responses.activate
def test_json_formats_return_their_models(client: CacheAI) -> None:
    responses.post(f"{BASE}/audio/transcriptions", json={"text": "Hi"})
    responses.post(f"{BASE}/audio/transcriptions", json={"text": "Hi", "language": "en", "duration": 1.0})
    responses.post(f"{BASE}/audio/transcriptions", json={"text": "Hi"})
    responses.post(f"{BASE}/audio/translations", json={"text": "Hello"})
    assert type(client.audio.transcriptions.create(file=b"x", model="m")) is Transcription
    verbose = client.audio.transcriptions.create(file=b"x", model="m", response_format="verbose_json")
    assert type(verbose) is TranscriptionVerbose
    # a format this SDK does not know: the JSON model, as openai does (it only logs a warning)
    unknown = client.audio.transcriptions.create(file=b"x", model="m", response_format="future_json")  # type: ignore[call-overload]
    assert type(unknown) is Transcription
    with pytest.warns(DeprecationWarning):
        assert type(client.audio.translations.create(file=b"x", model="whisper-1")) is Translation


@responses.activate
def test_transcription_stream_types_each_event_and_keeps_unknown_ones(client: CacheAI) -> None:
    events = [
        {"type": "transcript.text.delta", "delta": "Hi"},
        {"type": "transcript.text.brand_new", "x": 1},
        {"type": "transcript.text.done", "text": "Hi"},
    ]
    responses.post(
        f"{BASE}/audio/transcriptions",
        body="".join(f"data: {json.dumps(event)}\n\n" for event in events),
        content_type="text/event-stream",
    )
    first, unknown, done = client.audio.transcriptions.create(file=b"x", model="gpt-4o-transcribe", stream=True)
    assert isinstance(first, TranscriptionTextDeltaEvent) and first.delta == "Hi"
    assert unknown.type == "transcript.text.brand_new" and unknown.model_extra == {"x": 1}
    assert done.type == "transcript.text.done" and done.text == "Hi"
    assert b'name="stream"\r\n\r\ntrue' in responses.calls[0].request.body


@responses.activate
def test_image_stream_event_and_json_result(client: CacheAI) -> None:
    completed = {"type": "image_generation.completed", "b64_json": "aGk=", "background": "auto", "created_at": 1,
                 "output_format": "png", "quality": "low", "size": "1024x1024",
                 "usage": {"input_tokens": 1, "output_tokens": 1, "total_tokens": 2,
                           "input_tokens_details": {"image_tokens": 0, "text_tokens": 1}}}  # fmt: skip
    responses.post(f"{BASE}/images/generations", json=IMAGES)
    responses.post(
        f"{BASE}/images/generations",
        body=f"event: x\ndata: {json.dumps(completed)}\n\n",
        content_type="text/event-stream",
    )
    assert isinstance(client.images.generate(prompt="p"), ImagesResponse)
    (event,) = client.images.generate(prompt="p", stream=True)
    assert isinstance(event, ImageGenCompletedEvent) and event.usage.total_tokens == 2
    assert json.loads(responses.calls[1].request.body) == {"prompt": "p", "stream": True}


@responses.activate
def test_edit_sends_files_as_parts_and_the_rest_as_fields(client: CacheAI) -> None:
    responses.post(f"{BASE}/images/edits", json=IMAGES)
    client.images.edit(
        image=[("a.png", b"A"), ("b.png", b"B")],
        mask=("m.png", b"M"),
        prompt="p",
        svg={"model": "m", "reasoning": {"effort": "low"}},
        extra_body={"trace": "t1"},
    )
    call = responses.calls[0]
    assert call.request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert _form_names(call) == [
        "image[]",
        "image[]",
        "mask",
        "prompt",
        "svg[model]",
        "svg[reasoning][effort]",
        "trace",
    ]
    assert b'filename="a.png"\r\nContent-Type: image/png' in call.request.body


@responses.activate
def test_a_retried_upload_sends_the_same_bytes() -> None:
    responses.post(f"{BASE}/audio/transcriptions", status=500, json={"error": {"message": "boom"}})
    responses.post(f"{BASE}/audio/transcriptions", json={"text": "ok"})
    with CacheAI(base_url=BASE, api_key="k", max_retries=1, retry_policy=RetryPolicy(base_delay=0.0)) as retrying:
        result = retrying.audio.transcriptions.create(file=io.BytesIO(b"audio bytes"), model="whisper-1")
    first, second = (call.request.body for call in responses.calls)
    assert result.text == "ok" and first == second and b"audio bytes" in first


@responses.activate
def test_speech_binary_raw_and_streamed(client: CacheAI, tmp_path) -> None:
    audio = bytes(range(256)) * 100
    for _ in range(3):
        responses.post(f"{BASE}/audio/speech", body=audio, content_type="audio/mpeg")
    speech = client.audio.speech.create(model="tts-1", voice="alloy", input="hi")
    assert speech.content == audio and b"".join(speech.iter_bytes(1000)) == audio
    assert responses.calls[0].request.headers["Accept"] == "application/octet-stream"
    raw = client.audio.speech.with_raw_response.create(model="tts-1", voice={"id": "voice_1"}, input="hi")
    assert raw.headers["content-type"] == "audio/mpeg" and raw.parse().content == audio
    with client.audio.speech.with_streaming_response.create(model="tts-1", voice="alloy", input="hi") as streamed:
        chunks = list(streamed.iter_bytes(4096))
    assert b"".join(chunks) == audio and len(chunks) > 1
    assert json.loads(responses.calls[1].request.body)["voice"] == {"id": "voice_1"}


@responses.activate
def test_moderation_input_generator_is_sent_as_an_array(client: CacheAI) -> None:
    responses.post(f"{BASE}/moderations", json={"id": "m", "model": "omni", "results": []})
    result = client.moderations.create(input=(text for text in ["a", "b"]))
    assert isinstance(result, ModerationCreateResponse)
    assert json.loads(responses.calls[0].request.body) == {"input": ["a", "b"]}


def test_audio_and_images_are_resources_of_the_raw_mirrors(client: CacheAI) -> None:
    assert callable(client.with_raw_response.audio.speech.create)
    assert callable(client.audio.with_streaming_response.transcriptions.create)
    assert isinstance(client.audio.speech, cacheai._resource.SyncAPIResource)
