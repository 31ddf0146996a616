"""The fake server's custom voices and voice consents (``audio.voices``, ``audio.voice_consents``)."""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING, Any

from ._media import _form, _missing
from ._outcomes import JsonOutcome, Outcome, error, json_body
from ._records import RecordedRequest
from ._routes import _cursor_page
from ._shapes import new_id, now

if TYPE_CHECKING:
    from ._server import FakeOpenAIServer

__all__ = ["VOICE_ROUTES", "VoiceStore"]


class VoiceStore:
    """Consents and the voices made with them, newest last. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.consents: dict[str, dict[str, Any]] = {}
        self.voices: dict[str, dict[str, Any]] = {}

    def add(self, kind: dict[str, dict[str, Any]], item: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            kind[item["id"]] = item
        return item

    def remove(self, kind: dict[str, dict[str, Any]], item_id: str) -> bool:
        with self._lock:
            return kind.pop(item_id, None) is not None


def create_consent(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    form = _form(request, "language", "name", "recording")
    if not isinstance(form, dict):
        return form
    consent = {
        "id": new_id("cons_"),
        "object": "audio.voice_consent",
        "created_at": now(),
        "language": form["language"],
        "name": form["name"],
    }
    return JsonOutcome(200, fake._voices.add(fake._voices.consents, consent))


def retrieve_consent(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    consent = fake._voices.consents.get(match["id"])
    return JsonOutcome(200, consent) if consent is not None else _no_consent(match["id"])


def update_consent(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    body = json_body(request)
    if isinstance(body, JsonOutcome):
        return body
    consent = fake._voices.consents.get(match["id"])
    if consent is None:
        return _no_consent(match["id"])
    if not isinstance(body.get("name"), str):
        return _missing("name")
    consent["name"] = body["name"]
    return JsonOutcome(200, consent)


def list_consents(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    return _cursor_page(list(reversed(fake._voices.consents.values())), request.query)


def delete_consent(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    if not fake._voices.remove(fake._voices.consents, match["id"]):
        return _no_consent(match["id"])
    return JsonOutcome(200, {"id": match["id"], "object": "audio.voice_consent.deleted", "deleted": True})


def create_voice(fake: FakeOpenAIServer, request: RecordedRequest, _: re.Match[str]) -> Outcome:
    """A voice from a recorded sample and a known consent, or (``type=prompt``) from a description."""
    form = _form(request, "name")
    if not isinstance(form, dict):
        return form
    if form.get("type") == "prompt":
        if not form.get("prompt"):
            return _missing("prompt")
        kind, prompt = "prompt", form["prompt"]
    else:
        for name in ("audio_sample", "consent"):
            if not form.get(name):
                return _missing(name)
        if form["consent"] not in fake._voices.consents:
            return _no_consent(form["consent"], param="consent")
        kind, prompt = "audio_sample", None
    voice = {"id": new_id("voice_"), "object": "audio.voice", "created_at": now(), "name": form["name"], "type": kind}
    if prompt is not None:
        voice["prompt"] = prompt
    return JsonOutcome(200, fake._voices.add(fake._voices.voices, voice))


def delete_voice(fake: FakeOpenAIServer, request: RecordedRequest, match: re.Match[str]) -> Outcome:
    if not fake._voices.remove(fake._voices.voices, match["id"]):
        return error(404, f"Voice with id '{match['id']}' not found.", param="voice_id")
    return JsonOutcome(200, {"id": match["id"], "object": "audio.voice.deleted", "deleted": True})


def _no_consent(consent_id: str, param: str = "consent_id") -> JsonOutcome:
    return error(404, f"Voice consent with id '{consent_id}' not found.", param=param)


VOICE_ROUTES = [
    ("POST", re.compile(r"/audio/voice_consents"), create_consent),
    ("GET", re.compile(r"/audio/voice_consents"), list_consents),
    ("GET", re.compile(r"/audio/voice_consents/(?P<id>[^/]+)"), retrieve_consent),
    ("POST", re.compile(r"/audio/voice_consents/(?P<id>[^/]+)"), update_consent),
    ("DELETE", re.compile(r"/audio/voice_consents/(?P<id>[^/]+)"), delete_consent),
    ("POST", re.compile(r"/audio/voices"), create_voice),
    ("DELETE", re.compile(r"/audio/voices/(?P<id>[^/]+)"), delete_voice),
]
