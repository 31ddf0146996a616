"""The fake server's moderations, images and audio endpoints, through openai's client and cacheai's."""

from __future__ import annotations

import base64
import io
import struct
import wave
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import openai
import pytest
import requests

import cacheai
from cacheai.testing import FakeOpenAIServer

WAV_HEADER = struct.pack(
    "<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + 48_000, b"WAVE", b"fmt ", 16, 1, 1, 24_000, 48_000, 2, 16, b"data", 48_000
)
ONE_SECOND_WAV = WAV_HEADER + b"\x00" * 48_000


@pytest.fixture(params=["openai", "cacheai"])
def sdk(request: pytest.FixtureRequest) -> ModuleType:
    return openai if request.param == "openai" else cacheai


@pytest.fixture
def client(sdk: ModuleType, server: FakeOpenAIServer) -> Iterator[Any]:
    factory = sdk.OpenAI if sdk is openai else sdk.CacheAI
    made = factory(base_url=server.base_url, api_key="test-key", max_retries=0)
    yield made
    made.close()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    zlib.decompress(data[41 : 41 + struct.unpack(">I", data[33:37])[0]])  # the pixel data is a valid stream
    return width, height


# --- moderations ----------------------------------------------------------------------------------------


def test_moderation_flags_trigger_words_one_result_per_input(client: Any) -> None:
    result = client.moderations.create(input=["have a nice day", "I will attack you, idiot"])
    calm, angry = result.results
    assert result.model == "omni-moderation-latest" and result.id.startswith("modr-")
    assert calm.flagged is False and not any(calm.categories.to_dict().values())
    assert angry.flagged is True and angry.categories.violence and angry.categories.harassment
    assert angry.category_scores.violence > 0.9 > calm.category_scores.violence


def test_moderation_of_text_and_image_parts_is_one_result(client: Any) -> None:
    result = client.moderations.create(
        model="omni-moderation-2024-09-26",
        input=[{"type": "text", "text": "fine"}, {"type": "image_url", "image_url": {"url": "https://x.test/a.png"}}],
    )
    (only,) = result.results
    assert result.model == "omni-moderation-2024-09-26"
    assert only.category_applied_input_types.violence == ["text", "image"]
    assert only.category_applied_input_types.harassment == ["text"]


def test_moderation_without_input_is_a_400(client: Any, sdk: ModuleType) -> None:
    with pytest.raises(sdk.BadRequestError, match="'input'"):
        client.moderations.create(input=[])


# --- images ---------------------------------------------------------------------------------------------


def test_generate_gives_png_images_of_the_asked_size(client: Any) -> None:
    response = client.images.generate(prompt="a grey square", model="gpt-image-1", size="256x256", n=2)
    assert len(response.data) == 2 and response.size == "256x256" and response.output_format == "png"
    first, second = (base64.b64decode(image.b64_json) for image in response.data)
    assert png_size(first) == png_size(second) == (256, 256) and first != second
    assert response.usage.total_tokens == response.usage.input_tokens + response.usage.output_tokens


def test_dall_e_answers_urls_and_its_revised_prompt(client: Any) -> None:
    response = client.images.generate(prompt="a fox", model="dall-e-3")
    (image,) = response.data
    assert image.url.endswith(".png") and image.b64_json is None and image.revised_prompt == "a fox"
    assert response.usage is None
    downloaded = requests.get(image.url, timeout=10)  # the URL serves the image
    assert downloaded.headers["content-type"] == "image/png" and png_size(downloaded.content) == (1024, 1024)


def test_generate_stream_sends_partial_images_then_the_completed_one(client: Any, sdk: ModuleType) -> None:
    events = list(
        client.images.generate(prompt="fox", model="gpt-image-1", size="64x64", stream=True, partial_images=2)
    )
    assert [event.type for event in events] == [
        "image_generation.partial_image",
        "image_generation.partial_image",
        "image_generation.completed",
    ]
    assert isinstance(events[0], sdk.types.ImageGenPartialImageEvent) and events[1].partial_image_index == 1
    assert isinstance(events[-1], sdk.types.ImageGenCompletedEvent)
    assert png_size(base64.b64decode(events[-1].b64_json)) == (64, 64)


def test_edit_takes_several_images_and_a_mask(client: Any, server: FakeOpenAIServer) -> None:
    square = base64.b64decode(client.images.generate(prompt="x", size="64x64").data[0].b64_json)
    response = client.images.edit(
        image=[("a.png", square), ("b.png", square)], mask=("m.png", square), prompt="merge", size="128x128"
    )
    form = server.last_request.body
    assert form["image[]"] == [square, square] and form["mask"] == square and form["prompt"] == "merge"
    assert png_size(base64.b64decode(response.data[0].b64_json)) == (128, 128)


def test_edit_stream_and_variation(client: Any, sdk: ModuleType) -> None:
    events = list(client.images.edit(image=b"img", prompt="hat", size="32x32", stream=True))
    assert [type(event) for event in events] == [sdk.types.ImageEditCompletedEvent]
    variation = client.images.create_variation(image=("fox.png", b"img"), n=3, size="256x256")
    assert len(variation.data) == 3 and all(image.url for image in variation.data)


def test_edit_without_prompt_is_a_400_naming_it(server: FakeOpenAIServer) -> None:
    with cacheai.CacheAI(base_url=server.base_url, api_key="k", max_retries=0) as client:
        with pytest.raises(cacheai.BadRequestError, match="'prompt'") as caught:
            client.images.edit(image=b"img", prompt="")
    assert caught.value.param == "prompt"


# --- audio ----------------------------------------------------------------------------------------------


def test_speech_wav_is_a_real_wav_file_as_long_as_the_text(client: Any) -> None:
    audio = client.audio.speech.create(model="tts-1", voice="alloy", input="one two three four", response_format="wav")
    with wave.open(io.BytesIO(audio.content)) as read:
        assert (read.getnchannels(), read.getsampwidth(), read.getframerate()) == (1, 2, 24_000)
        assert read.getnframes() == 24_000 * 1.2  # 0.3 s a word


def test_speech_formats_and_content_types(client: Any, server: FakeOpenAIServer) -> None:
    mp3 = client.audio.speech.create(model="tts-1", voice="alloy", input="hello")
    assert mp3.content[:2] == b"\xff\xfb"  # an MPEG audio frame
    pcm = client.audio.speech.create(model="tts-1", voice="alloy", input="hello", response_format="pcm", speed=2.0)
    assert len(pcm.content) == 24_000 * 2 * 0.15
    assert server.last_request.headers["accept"] == "application/octet-stream"


def test_speech_streamed_to_a_file(client: Any, tmp_path: Path) -> None:
    path = tmp_path / "hello.wav"
    with client.audio.speech.with_streaming_response.create(
        model="gpt-4o-mini-tts", voice="coral", input="hello there", response_format="wav"
    ) as response:
        assert response.headers["content-type"] == "audio/wav"
        response.stream_to_file(path)
    with wave.open(str(path)) as read:
        assert read.getnframes() == 24_000 * 0.6


def test_speech_sse_stream_format_sends_audio_delta_events(client: Any) -> None:
    body = client.audio.speech.create(model="gpt-4o-mini-tts", voice="coral", input="hi", stream_format="sse")
    assert body.content.startswith(b'data: {"type": "speech.audio.delta"') and b"speech.audio.done" in body.content


def test_transcription_json_reads_the_wav_length(client: Any) -> None:
    result = client.audio.transcriptions.create(file=("call.wav", ONE_SECOND_WAV), model="whisper-1")
    assert result.text == "Fake transcript of call.wav."
    assert result.usage.type == "duration" and result.usage.seconds == 1


def test_transcription_text_formats_are_str(client: Any, server: FakeOpenAIServer) -> None:
    server.set_reply("Hello there. How are you?")
    text = client.audio.transcriptions.create(file=("a.wav", ONE_SECOND_WAV), model="whisper-1", response_format="text")
    srt = client.audio.transcriptions.create(file=("a.wav", ONE_SECOND_WAV), model="whisper-1", response_format="srt")
    vtt = client.audio.transcriptions.create(file=("a.wav", ONE_SECOND_WAV), model="whisper-1", response_format="vtt")
    assert isinstance(text, str) and text == "Hello there. How are you?\n"
    assert srt == "1\n00:00:00,000 --> 00:00:00,400\nHello there.\n\n2\n00:00:00,400 --> 00:00:01,000\nHow are you?\n\n"
    assert vtt.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:00.400\nHello there.\n")


def test_transcription_verbose_json_with_words(client: Any, sdk: ModuleType, server: FakeOpenAIServer) -> None:
    server.set_reply("Good morning.")
    result = client.audio.transcriptions.create(
        file=("a.wav", ONE_SECOND_WAV),
        model="whisper-1",
        response_format="verbose_json",
        timestamp_granularities=["word", "segment"],
    )
    assert isinstance(result, sdk.types.audio.TranscriptionVerbose)
    assert result.duration == 1.0 and result.segments[0].text == "Good morning."
    assert [(w.word, w.start, w.end) for w in result.words] == [("Good", 0.0, 0.5), ("morning", 0.5, 1.0)]
    assert server.last_request.body["timestamp_granularities[]"] == ["word", "segment"]


def test_transcription_diarized_uses_the_known_speakers(client: Any, sdk: ModuleType, server: FakeOpenAIServer) -> None:
    server.set_reply("Hi. Hello.")
    result = client.audio.transcriptions.create(
        file=("a.wav", ONE_SECOND_WAV),
        model="gpt-4o-transcribe-diarize",
        response_format="diarized_json",
        known_speaker_names=["agent", "customer"],
        known_speaker_references=["data:audio/wav;base64,AA==", "data:audio/wav;base64,AA=="],
    )
    assert isinstance(result, sdk.types.audio.TranscriptionDiarized)
    assert [(s.speaker, s.text) for s in result.segments] == [("agent", "Hi."), ("customer", "Hello.")]


def test_transcription_stream_of_deltas_and_done(client: Any, sdk: ModuleType) -> None:
    events = list(client.audio.transcriptions.create(file=("a.wav", b"x"), model="gpt-4o-transcribe", stream=True))
    *deltas, done = events
    assert all(isinstance(event, sdk.types.audio.TranscriptionTextDeltaEvent) for event in deltas)
    assert isinstance(done, sdk.types.audio.TranscriptionTextDoneEvent)
    assert "".join(event.delta for event in deltas) == done.text == "Fake transcript of a.wav."


def test_translation_formats(client: Any, sdk: ModuleType) -> None:
    plain = client.audio.translations.create(file=("hola.wav", ONE_SECOND_WAV), model="whisper-1")
    verbose = client.audio.translations.create(
        file=("hola.wav", ONE_SECOND_WAV), model="whisper-1", response_format="verbose_json"
    )
    text = client.audio.translations.create(
        file=("hola.wav", ONE_SECOND_WAV), model="whisper-1", response_format="text"
    )
    assert isinstance(plain, sdk.types.audio.Translation) and plain.text == "Fake transcript of hola.wav."
    assert isinstance(verbose, sdk.types.audio.TranslationVerbose) and verbose.language == "english"
    assert text == "Fake transcript of hola.wav.\n"


def test_audio_errors_name_the_parameter(client: Any, sdk: ModuleType) -> None:
    with pytest.raises(sdk.BadRequestError, match="Invalid value: 'mp3'") as bad_format:
        client.audio.transcriptions.create(file=b"x", model="whisper-1", response_format="mp3")
    with pytest.raises(sdk.BadRequestError, match="Invalid value: 'diarized_json'") as not_for_translations:
        client.audio.translations.create(file=b"x", model="whisper-1", extra_body={"response_format": "diarized_json"})
    with pytest.raises(sdk.BadRequestError, match="'voice'") as no_voice:
        client.audio.speech.create(model="tts-1", voice="", input="hi")
    params = [error.value.param for error in (bad_format, not_for_translations, no_voice)]
    assert params == ["response_format", "response_format", "voice"]


def test_custom_voices_from_a_consented_sample_or_a_prompt(client: Any, sdk: ModuleType) -> None:
    consent = client.audio.voice_consents.create(language="en-US", name="Ana", recording=("consent.wav", WAV_HEADER))
    assert (consent.object, consent.language, consent.name) == ("audio.voice_consent", "en-US", "Ana")
    assert client.audio.voice_consents.retrieve(consent.id) == consent
    assert client.audio.voice_consents.update(consent.id, name="Ana B.").name == "Ana B."
    other = client.audio.voice_consents.create(language="fr-FR", name="Luc", recording=("c.wav", WAV_HEADER))
    assert [c.id for c in client.audio.voice_consents.list(limit=1)] == [other.id, consent.id]  # newest first, paged

    sampled = client.audio.voices.create(audio_sample=("a.wav", WAV_HEADER), consent=consent.id, name="Narrator")
    assert (sampled.object, sampled.type, sampled.name) == ("audio.voice", "audio_sample", "Narrator")
    assert sampled.prompt is None
    described = client.audio.voices.create(name="Calm", prompt="a calm, low voice", type="prompt")
    assert (described.type, described.prompt) == ("prompt", "a calm, low voice")
    assert client.audio.voices.delete(described.id).deleted

    with pytest.raises(sdk.NotFoundError):  # a voice needs a consent the server has
        client.audio.voices.create(audio_sample=("a.wav", WAV_HEADER), consent="cons_unknown", name="X")
    with pytest.raises(sdk.NotFoundError):
        client.audio.voices.delete(described.id)
    assert client.audio.voice_consents.delete(consent.id).deleted
    with pytest.raises(sdk.NotFoundError):
        client.audio.voice_consents.retrieve(consent.id)
