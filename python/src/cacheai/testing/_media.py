"""The fake API's media endpoints: moderations, images (generate, edit, variations) and audio (speech,
transcriptions, translations), answered with plausible, deterministic results.

Transcripts and translations are the fake model's reply (``set_reply``/``queue_replies`` script them), else
``"Fake transcript of <file name>."``.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from . import _media_shapes as media
from ._outcomes import BytesOutcome, Handler, JsonOutcome, Outcome, StreamOutcome, error, json_body
from ._records import RecordedRequest
from ._replies import Reply, count_tokens, split_tokens
from ._shapes import new_id, now
from ._validation import invalid_value

if TYPE_CHECKING:
    from ._server import FakeOpenAIServer

__all__ = ["MEDIA_ROUTES"]

_AUDIO_FORMATS = ("json", "text", "srt", "verbose_json", "vtt", "diarized_json")
_SIZE = re.compile(r"(\d{2,4})x(\d{2,4})")


def _error(message: str, param: str | None = None) -> Outcome:
    return error(400, message, param=param)


def _missing(param: str) -> Outcome:
    return _error(f"Missing required parameter: '{param}'.", param)


def _form(request: RecordedRequest, *required: str) -> dict[str, Any] | Outcome:
    """The multipart form of ``request``, or OpenAI's 400 when it is not one or lacks a ``required`` field (a
    file or text; ``name[]`` counts for ``name``)."""
    form = request.body
    if not isinstance(form, dict) or "multipart" not in request.headers.get("content-type", ""):
        return _error("This endpoint expects a multipart/form-data body.")
    for name in required:
        if not form.get(name) and not form.get(f"{name}[]"):
            return _missing(name)
    return form


# --- moderations ----------------------------------------------------------------------------------------


def moderations(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    value = body.get("input")
    inputs = [value] if isinstance(value, str) else value
    if not isinstance(inputs, list) or not inputs:
        return _error("'input' must be a string, an array of strings or an array of input parts.", "input")
    if all(isinstance(part, dict) for part in inputs):  # multi-modal parts: one result for them all
        text = " ".join(str(part.get("text", "")) for part in inputs if part.get("type") == "text")
        results = [media.moderation_result(text, any(part.get("type") == "image_url" for part in inputs))]
    elif all(isinstance(item, str) for item in inputs):
        results = [media.moderation_result(item, False) for item in inputs]
    else:
        return _error("'input' must be a string, an array of strings or an array of input parts.", "input")
    model = body.get("model") if isinstance(body.get("model"), str) else "omni-moderation-latest"
    return JsonOutcome(200, {"id": new_id("modr-"), "model": model, "results": results})


# --- images ---------------------------------------------------------------------------------------------


def _integer(params: Mapping[str, Any], name: str, default: int, low: int, high: int) -> int | Outcome:
    """An integer parameter in ``low..high`` (a form sends it as text), else OpenAI's 400."""
    value = params.get(name)
    if value is None:
        return default
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        return _error(f"'{name}' must be an integer.", name)
    if not low <= value <= high:
        return _error(f"Invalid '{name}': {value}. Expected a value between {low} and {high}.", name)
    return value


def _image_options(params: Mapping[str, Any], default_model: str) -> dict[str, Any] | Outcome:
    given = params.get("model")
    model = given if isinstance(given, str) and given else default_model
    n = _integer(params, "n", 1, 1, 10)
    partial_images = _integer(params, "partial_images", 0, 0, 3)
    if not isinstance(n, int):
        return n
    if not isinstance(partial_images, int):
        return partial_images
    size = str(params.get("size") or "auto")
    match = _SIZE.fullmatch(size)
    if size != "auto" and match is None:
        return _error(f"Invalid value: '{size}'. Expected 'auto' or a size such as '1024x1024'.", "size")
    width, height = (int(match[1]), int(match[2])) if match else (1024, 1024)
    dall_e = model.startswith("dall-e")
    return {
        "model": model,
        "n": n,
        "size": f"{width}x{height}",
        "width": width,
        "height": height,
        "dall_e": dall_e,
        "url": params.get("response_format") == "url" or (dall_e and params.get("response_format") != "b64_json"),
        "output_format": str(params.get("output_format") or "png"),
        "quality": str(params.get("quality") or ("standard" if dall_e else "medium")),
        "background": str(params.get("background") or "opaque"),
        "prompt": str(params.get("prompt") or ""),
        "partial_images": partial_images,
    }


def _images_response(fake: FakeOpenAIServer, options: Mapping[str, Any]) -> dict[str, Any]:
    data: list[dict[str, Any]] = []
    for index in range(options["n"]):
        if options["url"]:
            name = f"{new_id('img_')}-{options['size']}-{96 + 16 * index}"
            item: dict[str, Any] = {"url": f"{fake.url}/fake-images/{name}.png"}
        else:
            item = {"b64_json": _b64_image(options, shade=96 + 16 * index)}
        if options["model"] == "dall-e-3":
            item["revised_prompt"] = options["prompt"]
        data.append(item)
    response: dict[str, Any] = {"created": now(), "data": data}
    if not options["dall_e"]:
        response.update(
            background=options["background"],
            output_format=options["output_format"],
            quality=options["quality"],
            size=options["size"],
            usage=_image_usage(options),
        )
    return response


def _b64_image(options: Mapping[str, Any], shade: int = 128) -> str:
    return base64.b64encode(media.png(options["width"], options["height"], shade)).decode()


def _image_usage(options: Mapping[str, Any]) -> dict[str, Any]:
    prompt = count_tokens(options["prompt"])
    output = 272 * options["n"]
    return {
        "input_tokens": prompt,
        "output_tokens": output,
        "total_tokens": prompt + output,
        "input_tokens_details": {"image_tokens": 0, "text_tokens": prompt},
    }


def _image_events(kind: str, options: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """``image_generation.*``/``image_edit.*`` events: the partial images asked for, then the completed one."""
    common = {
        "background": options["background"],
        "output_format": options["output_format"],
        "quality": options["quality"],
        "size": options["size"],
    }
    for index in range(options["partial_images"]):
        yield {
            "type": f"{kind}.partial_image",
            "b64_json": _b64_image(options, shade=32 + 32 * index),
            "created_at": now(),
            "partial_image_index": index,
            **common,
        }
    yield {
        "type": f"{kind}.completed",
        "b64_json": _b64_image(options),
        "created_at": now(),
        "usage": _image_usage(options),
        **common,
    }


def _answer_images(fake: FakeOpenAIServer, params: Mapping[str, Any], kind: str) -> Outcome:
    options = _image_options(params, "gpt-image-1" if kind else "dall-e-2")
    if not isinstance(options, dict):
        return options
    if params.get("stream") in (True, "true") and kind:
        return StreamOutcome(_image_events(kind, options), named=True, done=False)
    return JsonOutcome(200, _images_response(fake, options))


def generate_images(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    if not isinstance(body.get("prompt"), str) or not body["prompt"]:
        return _missing("prompt")
    return _answer_images(fake, body, "image_generation")


def edit_images(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    form = _form(request, "image", "prompt")
    return form if not isinstance(form, dict) else _answer_images(fake, form, "image_edit")


def image_variations(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    form = _form(request, "image")
    if not isinstance(form, dict):
        return form
    return _answer_images(fake, {**form, "model": form.get("model") or "dall-e-2"}, "")


# --- audio ----------------------------------------------------------------------------------------------


def speech(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    for name in ("model", "input", "voice"):
        if body.get(name) in (None, ""):
            return _missing(name)
    if not isinstance(body["input"], str):
        return _error("'input' must be a string.", "input")
    response_format = body.get("response_format") or "mp3"
    if not isinstance(response_format, str) or response_format not in media.AUDIO_CONTENT_TYPES:
        return _error(invalid_value(response_format, tuple(media.AUDIO_CONTENT_TYPES)), "response_format")
    speed = body.get("speed", 1.0)
    if not isinstance(speed, (int, float)) or isinstance(speed, bool) or not 0.25 <= speed <= 4:
        return _error(f"Invalid 'speed': {speed!r}. Expected a number between 0.25 and 4.", "speed")
    seconds = media.audio_seconds(body["input"], speed)
    audio = media.audio_bytes(response_format, seconds)
    if body.get("stream_format") == "sse":
        return StreamOutcome(_speech_events(audio, body["input"]), done=False)
    return BytesOutcome(200, audio, media.AUDIO_CONTENT_TYPES[response_format])


def _speech_events(audio: bytes, text: str) -> Iterator[dict[str, Any]]:
    for start in range(0, len(audio), 4096):
        yield {"type": "speech.audio.delta", "audio": base64.b64encode(audio[start : start + 4096]).decode()}
    tokens = count_tokens(text)
    usage = {"input_tokens": tokens, "output_tokens": len(audio) // 4096 + 1}
    yield {"type": "speech.audio.done", "usage": {**usage, "total_tokens": sum(usage.values())}}


def _transcript(fake: FakeOpenAIServer, request: RecordedRequest, form: Mapping[str, Any]) -> str:
    name = form.get("file.filename") or "the upload"
    reply = fake._next_reply(request, {}, default=Reply(content=f"Fake transcript of {name}."))
    return reply.content or ""


def _audio_to_text(fake: FakeOpenAIServer, request: RecordedRequest, task: str) -> Outcome:
    form = _form(request, "file", "model")
    if not isinstance(form, dict):
        return form
    response_format = form.get("response_format") or "json"
    allowed = _AUDIO_FORMATS if task == "transcribe" else _AUDIO_FORMATS[:-1]
    if response_format not in allowed:
        return _error(invalid_value(response_format, allowed), "response_format")
    text = _transcript(fake, request, form)
    seconds = media.upload_seconds(form["file"], text)
    if task == "transcribe" and form.get("stream") == "true":
        return StreamOutcome(_transcript_events(text), done=False)
    cues = media.segments(text, seconds)
    if response_format in ("text", "srt", "vtt"):
        rendered = {"text": lambda: text + "\n", "srt": lambda: media.srt(cues), "vtt": lambda: media.vtt(cues)}
        content_type = {"text": "text/plain", "srt": "application/x-subrip", "vtt": "text/vtt"}[response_format]
        return BytesOutcome(200, rendered[response_format]().encode(), f"{content_type}; charset=utf-8")
    usage = {"type": "duration", "seconds": max(1, round(seconds))}
    if response_format == "json":
        return JsonOutcome(200, {"text": text, "usage": usage})
    if response_format == "diarized_json":
        speakers = form.get("known_speaker_names[]") or ["A"]
        diarized = [
            {"id": f"seg_{n}", "type": "transcript.text.segment", "start": start, "end": end, "text": part,
             "speaker": speakers[n % len(speakers)]}
            for n, (start, end, part) in enumerate(cues)
        ]  # fmt: skip
        return JsonOutcome(
            200, {"task": "transcribe", "duration": seconds, "text": text, "segments": diarized, "usage": usage}
        )
    verbose: dict[str, Any] = {
        "task": task,
        "language": form.get("language") or "english",
        "duration": seconds,
        "text": text,
        "segments": [_segment(n, start, end, part) for n, (start, end, part) in enumerate(cues)],
    }
    if "word" in (form.get("timestamp_granularities[]") or ()):
        verbose["words"] = media.words(cues)
    if task == "transcribe":
        verbose["usage"] = usage
    return JsonOutcome(200, verbose)


def _segment(n: int, start: float, end: float, text: str) -> dict[str, Any]:
    return {
        "id": n,
        "seek": 0,
        "start": start,
        "end": end,
        "text": text,
        "tokens": list(range(1, count_tokens(text) + 1)),
        "temperature": 0.0,
        "avg_logprob": -0.25,
        "compression_ratio": 1.2,
        "no_speech_prob": 0.01,
    }


def _transcript_events(text: str) -> Iterator[dict[str, Any]]:
    for piece in split_tokens(text):
        yield {"type": "transcript.text.delta", "delta": piece}
    tokens = count_tokens(text)
    usage = {"type": "tokens", "input_tokens": tokens, "output_tokens": tokens, "total_tokens": 2 * tokens}
    yield {"type": "transcript.text.done", "text": text, "usage": usage}


def transcriptions(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    return _audio_to_text(fake, request, "transcribe")


def translations(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    return _audio_to_text(fake, request, "translate")


def image_file(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    """The PNG behind an image URL the fake server gave (its size and shade are in its name)."""
    return BytesOutcome(200, media.png(int(match["w"]), int(match["h"]), int(match["shade"])), "image/png")


MEDIA_ROUTES: list[tuple[str, re.Pattern[str], Handler]] = [
    ("GET", re.compile(r"/fake-images/img_\w+-(?P<w>\d{1,4})x(?P<h>\d{1,4})-(?P<shade>\d{1,3})\.png"), image_file),
    ("POST", re.compile(r"/moderations"), moderations),
    ("POST", re.compile(r"/images/generations"), generate_images),
    ("POST", re.compile(r"/images/edits"), edit_images),
    ("POST", re.compile(r"/images/variations"), image_variations),
    ("POST", re.compile(r"/audio/speech"), speech),
    ("POST", re.compile(r"/audio/transcriptions"), transcriptions),
    ("POST", re.compile(r"/audio/translations"), translations),
]
