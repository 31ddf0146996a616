"""Moderations, images and audio against OpenAI's published OpenAPI spec, served by Prism: every request cacheai
builds for them (JSON and multipart forms) must pass Prism's validation, and the JSON answers must fit cacheai's
types as openai's (see test_prism_openapi.py for the helpers). Prism cannot stream; the streamed forms of these
endpoints are covered by the differential suite and the fake server."""

from __future__ import annotations

from typing import Any

import openai
import pytest
from test_prism_openapi import accepted, client, conforms, reference  # noqa: F401  (module-scoped fixtures)

from cacheai import CacheAI

COMPAT_SERVER = "Prism (OpenAI OpenAPI spec)"
pytestmark = [pytest.mark.servers, pytest.mark.filterwarnings("ignore::DeprecationWarning")]

WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(24)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(24)


@pytest.mark.compat("Moderations")
def test_moderations(client: CacheAI, reference: openai.OpenAI) -> None:  # noqa: F811
    result = conforms(client, reference, lambda c: c.moderations.create(input="hello", model="omni-moderation-latest"))
    assert result.results
    conforms(client, reference, lambda c: c.moderations.create(input=["one", "two"]))
    conforms(
        client,
        reference,
        lambda c: c.moderations.create(
            input=[
                {"type": "text", "text": "look"},
                {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}},
            ]
        ),
    )


@pytest.mark.compat("Images")
def test_images_generate(client: CacheAI, reference: openai.OpenAI) -> None:  # noqa: F811
    response = conforms(
        client,
        reference,
        lambda c: c.images.generate(
            prompt="a red fox",
            model="gpt-image-1",
            n=1,
            size="1024x1024",
            quality="low",
            background="opaque",
            moderation="low",
            output_format="png",
            output_compression=80,
            user="u1",
        ),
    )
    assert response.data
    conforms(client, reference, lambda c: c.images.generate(prompt="a fox", model="dall-e-3", style="vivid"))


@pytest.mark.compat("Images")
def test_images_edit_and_variation_multipart(client: CacheAI, reference: openai.OpenAI) -> None:  # noqa: F811
    conforms(
        client,
        reference,
        lambda c: c.images.edit(
            image=("fox.png", PNG, "image/png"),
            mask=("mask.png", PNG, "image/png"),
            prompt="add a hat",
            model="gpt-image-1",
            n=1,
            size="1024x1024",
            input_fidelity="high",
            quality="high",
            output_format="png",
        ),
    )
    # A list of images goes as `image[]` parts, as openai sends it (and OpenAI's own curl examples); Prism reads the
    # spec's `image` (a file or an array of files) literally and rejects that form for both clients, so it is
    # proven identical to openai's by the differential suite instead.
    conforms(
        client,
        reference,
        lambda c: c.images.create_variation(image=("fox.png", PNG), n=2, size="512x512", response_format="url"),
    )


@pytest.mark.compat("Audio")
def test_audio_speech_binary(client: CacheAI) -> None:  # noqa: F811
    speech = accepted(
        lambda: client.audio.speech.create(
            model="gpt-4o-mini-tts",
            voice="coral",
            input="Hello",
            instructions="cheerful",
            response_format="mp3",
            speed=1.25,
        )
    )
    assert isinstance(speech.content, bytes)
    custom = accepted(lambda: client.audio.speech.create(model="tts-1", voice={"id": "voice_1"}, input="Hi"))
    assert isinstance(custom.content, bytes)


@pytest.mark.compat("Audio")
def test_audio_transcriptions_multipart(client: CacheAI, reference: openai.OpenAI) -> None:  # noqa: F811
    transcription = conforms(
        client,
        reference,
        lambda c: c.audio.transcriptions.create(
            file=("speech.wav", WAV, "audio/wav"),
            model="gpt-4o-transcribe",
            language="en",
            prompt="Greeting",
            temperature=0.2,
            include=["logprobs"],
            chunking_strategy={"type": "server_vad", "threshold": 0.5, "prefix_padding_ms": 300},
        ),
    )
    assert isinstance(transcription.text, str)
    verbose: Any = accepted(
        lambda: client.audio.transcriptions.create(
            file=("speech.wav", WAV),
            model="whisper-1",
            response_format="verbose_json",
            timestamp_granularities=["word", "segment"],
        )
    )
    assert verbose is not None
    accepted(
        lambda: client.audio.transcriptions.create(
            file=("speech.wav", WAV),
            model="gpt-4o-transcribe-diarize",
            response_format="diarized_json",
            chunking_strategy="auto",
            known_speaker_names=["agent"],
            known_speaker_references=["data:audio/wav;base64,UklGRg=="],
        )
    )
    text = accepted(
        lambda: client.audio.transcriptions.create(file=("speech.wav", WAV), model="whisper-1", response_format="text")
    )
    assert isinstance(text, str)


@pytest.mark.compat("Audio")
def test_audio_translations_multipart(client: CacheAI, reference: openai.OpenAI) -> None:  # noqa: F811
    conforms(
        client,
        reference,
        lambda c: c.audio.translations.create(file=("hola.wav", WAV), model="whisper-1", prompt="Hola", temperature=0),
    )
    text = accepted(
        lambda: client.audio.translations.create(file=("hola.wav", WAV), model="whisper-1", response_format="srt")
    )
    assert isinstance(text, str)


@pytest.mark.compat("Audio")
def test_audio_voices_and_consents(client: CacheAI, reference: openai.OpenAI) -> None:  # noqa: F811
    consent = conforms(
        client,
        reference,
        lambda c: c.audio.voice_consents.create(language="en-US", name="Ana", recording=("consent.wav", WAV)),
    )
    conforms(client, reference, lambda c: c.audio.voice_consents.retrieve("cons_1"))
    conforms(client, reference, lambda c: c.audio.voice_consents.update("cons_1", name="Ana B."))
    conforms(client, reference, lambda c: c.audio.voice_consents.list(limit=2))
    conforms(client, reference, lambda c: c.audio.voice_consents.delete("cons_1"))
    # (the requests only: the spec's example voice lacks the `type` openai's `Voice` requires; the answer's
    # types are compared by the differential suite)
    voice = accepted(
        lambda: client.audio.voices.create(audio_sample=("sample.wav", WAV), consent=consent.id, name="Narrator")
    )
    assert voice.object == "audio.voice"
    # (a voice from a prompt, openai 3.57's other form, is not in the published spec: the differential suite has it)
