"""Differential scenarios for moderations, images and audio: JSON and multipart requests, binary answers, text
formats returned as ``str``, and event streams (run through both clients by test_media.py)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

from differential_harness import Scenario, headers, sse
from recording_server import Reply

WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(24))
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(16))
MP3 = b"ID3\x04\x00" + bytes(range(40))

MODERATION = {
    "id": "modr-1",
    "model": "omni-moderation-latest",
    "results": [
        {
            "flagged": False,
            "categories": {"harassment": False, "violence": False},
            "category_scores": {"harassment": 0.01, "violence": 0.02},
            "category_applied_input_types": {"harassment": ["text"], "violence": ["text", "image"]},
        }
    ],
}
IMAGES = {
    "created": 1700000000,
    "data": [{"b64_json": "aGVsbG8=", "revised_prompt": "a red fox"}],
    "background": "opaque",
    "output_format": "png",
    "quality": "low",
    "size": "1024x1024",
    "usage": {
        "input_tokens": 5,
        "output_tokens": 10,
        "total_tokens": 15,
        "input_tokens_details": {"image_tokens": 0, "text_tokens": 5},
    },
}
URL_IMAGES = {
    "created": 1700000000,
    "data": [{"url": "https://example.test/1.png"}, {"url": "https://example.test/2.png"}],
}
TRANSCRIPTION = {"text": "Hello there.", "usage": {"type": "duration", "seconds": 2.5}}
VERBOSE = {
    "text": "Hello there.",
    "language": "english",
    "duration": 2.5,
    "segments": [
        {
            "id": 0,
            "seek": 0,
            "start": 0.0,
            "end": 2.5,
            "text": "Hello there.",
            "tokens": [1, 2],
            "temperature": 0.0,
            "avg_logprob": -0.2,
            "compression_ratio": 1.0,
            "no_speech_prob": 0.01,
        }
    ],
    "words": [{"word": "Hello", "start": 0.0, "end": 1.0}, {"word": "there", "start": 1.0, "end": 2.5}],
}
DIARIZED = {
    "task": "transcribe",
    "duration": 2.5,
    "text": "Hello there.",
    "segments": [
        {
            "id": "seg_1",
            "type": "transcript.text.segment",
            "start": 0.0,
            "end": 2.5,
            "text": "Hello there.",
            "speaker": "agent",
        }
    ],
}
SRT = "1\n00:00:00,000 --> 00:00:02,500\nHello there.\n\n"
VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nHello there.\n\n"


def _written(call: Any) -> bytes:
    """Run ``call(path)`` with a fresh file path and give back what it wrote there."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.mp3"
        call(path)
        return path.read_bytes()


def _streamed_speech(c: Any) -> dict[str, Any]:
    with c.audio.speech.with_streaming_response.create(model="gpt-4o-mini-tts", voice="coral", input="Hi") as r:
        return {"status": r.status_code, "type": r.headers.get("content-type"), "bytes": b"".join(r.iter_bytes())}


def _streamed_speech_to_file(c: Any) -> bytes:
    def call(path: Path) -> None:
        with c.audio.speech.with_streaming_response.create(model="tts-1", voice="alloy", input="Hi") as response:
            response.stream_to_file(path)

    return _written(call)


def _upload_from_path(c: Any) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fox.png"
        path.write_bytes(PNG)
        return c.images.create_variation(image=path, n=2, size="512x512", response_format="url", user="u1")


def _raw_text_transcription(c: Any) -> dict[str, Any]:
    raw = c.audio.transcriptions.with_raw_response.create(
        file=("a.wav", WAV), model="whisper-1", response_format="text"
    )
    return {"parsed": raw.parse(), "status": raw.status_code, "request_id": raw.headers.get("x-request-id")}


MEDIA_SCENARIOS: list[Scenario] = [
    # --- moderations ---------------------------------------------------------------------------------
    Scenario(
        "moderations: one string",
        lambda c: c.moderations.create(input="I want to hug you"),
        [Reply(json=MODERATION)],
    ),
    Scenario(
        "moderations: text and image parts with a model",
        lambda c: c.moderations.create(
            model="omni-moderation-latest",
            input=[
                {"type": "text", "text": "look at this"},
                {"type": "image_url", "image_url": {"url": "https://example.test/cat.png"}},
            ],
        ),
        [Reply(json=MODERATION)],
    ),
    Scenario(
        "moderations: a tuple of strings",
        lambda c: c.moderations.create(input=("one", "two"), extra_body={"x_trace": True}),
        [Reply(json={**MODERATION, "results": MODERATION["results"] * 2})],
    ),
    # --- images --------------------------------------------------------------------------------------
    Scenario(
        "images: generate with every common parameter",
        lambda c: c.images.generate(
            prompt="a red fox",
            model="gpt-image-1",
            n=1,
            size="1024x1024",
            quality="low",
            background="opaque",
            output_format="png",
            output_compression=80,
            moderation="low",
            user="u1",
        ),
        [Reply(json=IMAGES)],
    ),
    Scenario(
        "images: generate urls (dall-e style)",
        lambda c: [image.url for image in c.images.generate(prompt="a fox", model="dall-e-3", style="vivid").data],
        [Reply(json=URL_IMAGES)],
    ),
    Scenario(
        "images: generate stream of partial images",
        lambda c: c.images.generate(prompt="a fox", model="gpt-image-1", stream=True, partial_images=1),
        [
            Reply(
                sse=sse(
                    "event: image_generation.partial_image\n"
                    'data: {"type":"image_generation.partial_image","b64_json":"cGFy","background":"opaque",'
                    '"created_at":1,"output_format":"png","partial_image_index":0,"quality":"low",'
                    '"size":"1024x1024"}\n\n',
                    "event: image_generation.completed\n"
                    'data: {"type":"image_generation.completed","b64_json":"ZG9uZQ==","background":"opaque",'
                    '"created_at":2,"output_format":"png","quality":"low","size":"1024x1024",'
                    '"usage":{"input_tokens":1,"output_tokens":2,"total_tokens":3,'
                    '"input_tokens_details":{"image_tokens":0,"text_tokens":1}}}\n\n',
                    done=False,
                )
            )
        ],
    ),
    Scenario(
        "images: edit one image with a mask (multipart)",
        lambda c: c.images.edit(
            image=("fox.png", PNG, "image/png"),
            mask=("mask.png", PNG[:10], "image/png"),
            prompt="add a hat",
            model="gpt-image-1",
            n=1,
            size="1024x1024",
            input_fidelity="high",
        ),
        [Reply(json=IMAGES)],
    ),
    Scenario(
        "images: edit a list of images (image[])",
        lambda c: c.images.edit(
            image=[("a.png", PNG), io.BytesIO(PNG[::-1])], prompt="merge them", quality="high", background=None
        ),
        [Reply(json=IMAGES)],
    ),
    Scenario(
        "images: edit streamed (stream=true in the form)",
        lambda c: c.images.edit(image=PNG, prompt="hat", stream=True),
        [
            Reply(
                sse=sse(
                    'data: {"type":"image_edit.completed","b64_json":"ZG9uZQ==","background":"auto",'
                    '"created_at":2,"output_format":"png","quality":"low","size":"1024x1024",'
                    '"usage":{"input_tokens":1,"output_tokens":2,"total_tokens":3,'
                    '"input_tokens_details":{"image_tokens":1,"text_tokens":0}}}\n\n',
                    done=False,
                )
            )
        ],
    ),
    Scenario("images: variation from a path", _upload_from_path, [Reply(json=URL_IMAGES)]),
    Scenario(
        "images: variation with None values leaves them out of the form",
        lambda c: c.images.create_variation(image=PNG, model=None, n=None, size=None, response_format=None),
        [Reply(json=URL_IMAGES)],
    ),
    Scenario(
        "images: edit with a markup file and None values",
        lambda c: c.images.edit(
            image=[("a.png", PNG)], markup=("m.png", PNG[:12]), prompt="p", background=None, n=None, stream=None
        ),
        [Reply(json=IMAGES)],
    ),
    Scenario(
        "images: a 400 on generate",
        lambda c: c.images.generate(prompt="x", size="3x3"),
        [
            Reply(
                status=400,
                json={"error": {"message": "Invalid size", "type": "invalid_request_error", "param": "size"}},
            )
        ],
    ),
    # --- audio: speech -------------------------------------------------------------------------------
    Scenario(
        "audio: speech content",
        lambda c: (
            c.audio.speech.create(
                model="gpt-4o-mini-tts", voice="coral", input="Hello", instructions="cheerful", speed=1.25
            ).content
        ),
        [Reply(body=MP3, content_type="audio/mpeg")],
    ),
    Scenario(
        "audio: speech write_to_file with a custom voice and format",
        lambda c: _written(
            c.audio.speech.create(
                model="tts-1", voice={"id": "voice_123"}, input="Hi", response_format="wav", stream_format="audio"
            ).write_to_file
        ),
        [Reply(body=WAV, content_type="audio/wav")],
    ),
    Scenario(
        "audio: speech with_streaming_response iter_bytes",
        _streamed_speech,
        [Reply(body=MP3 * 3, content_type="audio/mpeg")],
    ),
    Scenario(
        "audio: speech with_streaming_response stream_to_file",
        _streamed_speech_to_file,
        [Reply(body=MP3, content_type="audio/mpeg")],
    ),
    # --- audio: transcriptions -----------------------------------------------------------------------
    Scenario(
        "audio: transcription json (default)",
        lambda c: c.audio.transcriptions.create(file=("speech.wav", WAV, "audio/wav"), model="gpt-4o-transcribe"),
        [Reply(json=TRANSCRIPTION)],
    ),
    Scenario(
        "audio: transcription text is a str",
        lambda c: c.audio.transcriptions.create(
            file=WAV, model="whisper-1", response_format="text", language="en", prompt="Greeting", temperature=0.2
        ),
        [Reply(body=b"Hello there.\n", content_type="text/plain; charset=utf-8")],
    ),
    Scenario(
        "audio: transcription srt is a str",
        lambda c: c.audio.transcriptions.create(file=io.BytesIO(WAV), model="whisper-1", response_format="srt"),
        [Reply(body=SRT.encode(), content_type="application/x-subrip")],
    ),
    Scenario(
        "audio: transcription vtt is a str",
        lambda c: c.audio.transcriptions.create(file=("a.wav", WAV), model="whisper-1", response_format="vtt"),
        [Reply(body=VTT.encode(), content_type="text/vtt")],
    ),
    Scenario(
        "audio: transcription verbose_json with timestamp granularities",
        lambda c: c.audio.transcriptions.create(
            file=("a.wav", WAV),
            model="whisper-1",
            response_format="verbose_json",
            timestamp_granularities=["word", "segment"],
        ),
        [Reply(json=VERBOSE)],
    ),
    Scenario(
        "audio: transcription diarized with known speakers and chunking",
        lambda c: c.audio.transcriptions.create(
            file=("a.wav", WAV),
            model="gpt-4o-transcribe-diarize",
            response_format="diarized_json",
            chunking_strategy="auto",
            known_speaker_names=["agent"],
            known_speaker_references=["data:audio/wav;base64,UklGRg=="],
        ),
        [Reply(json=DIARIZED)],
    ),
    Scenario(
        "audio: transcription with include, keywords, languages and a VAD chunking object",
        lambda c: c.audio.transcriptions.create(
            file=("a.wav", WAV),
            model="gpt-4o-transcribe",
            include=["logprobs"],
            keywords=["cacheai"],
            languages=["en", "fr"],
            chunking_strategy={"type": "server_vad", "threshold": 0.5, "silence_duration_ms": 200},
        ),
        [Reply(json={**TRANSCRIPTION, "logprobs": [{"token": "Hello", "logprob": -0.1, "bytes": [72]}]})],
    ),
    Scenario(
        "audio: transcription with tuples for the list parameters and stream=None",
        lambda c: c.audio.transcriptions.create(
            file=("a.wav", WAV),
            model="gpt-4o-transcribe",
            include=("logprobs",),
            timestamp_granularities=("word", "segment"),
            languages=("en",),
            chunking_strategy=None,
            stream=None,
        ),
        [Reply(json=TRANSCRIPTION)],
    ),
    Scenario(
        "audio: transcription stream of text events",
        lambda c: c.audio.transcriptions.create(file=("a.wav", WAV), model="gpt-4o-transcribe", stream=True),
        [
            Reply(
                sse=sse(
                    {"type": "transcript.text.delta", "delta": "Hello"},
                    {"type": "transcript.text.delta", "delta": " there."},
                    {
                        "type": "transcript.text.done",
                        "text": "Hello there.",
                        "usage": {"type": "tokens", "input_tokens": 3, "output_tokens": 2, "total_tokens": 5},
                    },
                    done=False,
                )
            )
        ],
    ),
    Scenario(
        "audio: transcription text through with_raw_response",
        _raw_text_transcription,
        [Reply(body=b"Hello there.", content_type="text/plain", headers=headers(x_request_id="req_9"))],
    ),
    Scenario(
        "audio: transcription 413 error",
        lambda c: c.audio.transcriptions.create(file=WAV, model="whisper-1"),
        [
            Reply(
                status=413,
                json={"error": {"message": "Maximum content size limit exceeded", "type": "invalid_request_error"}},
            )
        ],
    ),
    # --- audio: translations -------------------------------------------------------------------------
    Scenario(
        "audio: translation json, text and verbose_json",
        lambda c: [
            c.audio.translations.create(file=("a.wav", WAV), model="whisper-1", prompt="Hola", temperature=0),
            c.audio.translations.create(file=("a.wav", WAV), model="whisper-1", response_format="text"),
            c.audio.translations.create(file=("a.wav", WAV), model="whisper-1", response_format="verbose_json"),
        ],
        [
            Reply(json={"text": "Hello"}),
            Reply(body=b"Hello\n", content_type="text/plain"),
            Reply(json={"text": "Hello", "language": "english", "duration": 1.5, "segments": []}),
        ],
    ),
]

# --- audio: custom voices and their consents -------------------------------------------------------------
VOICE = {"id": "voice_1", "object": "audio.voice", "created_at": 1, "name": "Narrator", "type": "audio_sample"}
CONSENT = {"id": "cons_1", "object": "audio.voice_consent", "created_at": 1, "language": "en-US", "name": "Ana"}
MEDIA_SCENARIOS += [
    Scenario(
        "audio: voice from an audio sample and its consent (multipart)",
        lambda c: c.audio.voices.create(
            audio_sample=("sample.wav", WAV, "audio/wav"), consent="cons_1", name="Narrator", script_hint="Hello"
        ),
        [Reply(json=VOICE)],
    ),
    Scenario(
        "audio: voice from a prompt (multipart without a file)",
        lambda c: c.audio.voices.create(name="Calm", prompt="a calm, low voice", type="prompt", model="auto"),
        [Reply(json={**VOICE, "type": "prompt", "prompt": "a calm, low voice"})],
    ),
    Scenario(
        "audio: voice without either set of required arguments refused",
        lambda c: [
            c.audio.voices.delete("voice_0"),  # (something on the wire first: the refusal sends nothing)
            c.audio.voices.create(name="Calm", prompt="a calm voice"),
        ],
        [Reply(json={"id": "voice_0", "object": "audio.voice.deleted", "deleted": True})],
    ),
    Scenario(
        "audio: voice deleted",
        lambda c: c.audio.voices.delete("voice_1"),
        [Reply(json={"id": "voice_1", "object": "audio.voice.deleted", "deleted": True})],
    ),
    Scenario(
        "audio: voice consent created from a recording (multipart)",
        lambda c: c.audio.voice_consents.create(language="en-US", name="Ana", recording=("consent.wav", WAV)),
        [Reply(json=CONSENT)],
    ),
    Scenario(
        "audio: voice consents retrieved, renamed, listed and deleted",
        lambda c: [
            c.audio.voice_consents.retrieve("cons_1"),
            c.audio.voice_consents.update("cons_1", name="Ana B."),
            c.audio.voice_consents.list(after="cons_0", limit=1).data,
            c.audio.voice_consents.delete("cons_1"),
        ],
        [
            Reply(json=CONSENT),
            Reply(json={**CONSENT, "name": "Ana B."}),
            Reply(
                json={"object": "list", "data": [CONSENT], "first_id": "cons_1", "last_id": "cons_1", "has_more": False}
            ),
            Reply(json={"id": "cons_1", "object": "audio.voice_consent.deleted", "deleted": True}),
        ],
    ),
]
