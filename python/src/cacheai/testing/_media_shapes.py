"""Plausible media for the fake server: PNG images, audio (WAV, PCM, silent MP3), subtitles and moderation
results. Everything is deterministic and small enough to build per request."""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Sequence
from typing import Any

__all__ = [
    "AUDIO_CONTENT_TYPES",
    "audio_bytes",
    "audio_seconds",
    "moderation_result",
    "png",
    "segments",
    "srt",
    "upload_seconds",
    "vtt",
    "words",
]

_WORD = re.compile(r"\S+")

# --- images -----------------------------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, shade: int = 128) -> bytes:
    """A valid grey PNG of ``width`` x ``height`` pixels (8-bit greyscale, one shade)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = (b"\x00" + bytes([shade & 0xFF]) * width) * height
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, 6)) + _chunk(b"IEND", b"")
    )


# --- audio ------------------------------------------------------------------------------------------------

AUDIO_CONTENT_TYPES = {
    "mp3": "audio/mpeg",
    "opus": "audio/opus",
    "aac": "audio/aac",
    "flac": "audio/flac",
    "wav": "audio/wav",
    "pcm": "audio/pcm",
}
_RATE = 24_000  # Hz, mono, 16-bit: OpenAI's PCM output format
# One MPEG-1 Layer III frame (128 kbit/s, 44.1 kHz, no padding: 417 bytes) of silence; 1152 samples each.
_MP3_FRAME = b"\xff\xfb\x90\x64" + b"\x00" * 413
_MP3_FRAME_SECONDS = 1152 / 44_100


def audio_seconds(text: str, speed: float = 1.0) -> float:
    """How long the fake voice takes to say ``text``: 0.3 s a word at speed 1 (at least 0.3 s); ``speed`` > 0."""
    return round(max(1, len(_WORD.findall(text))) * 0.3 / speed, 3)


def audio_bytes(response_format: str, seconds: float) -> bytes:
    """``seconds`` of silence: a real WAV file, raw 24 kHz PCM, or silent MP3 frames; the other formats are
    placeholder bytes (their Content-Type is still right)."""
    samples = int(seconds * _RATE)
    pcm = b"\x00\x00" * samples
    if response_format == "pcm":
        return pcm
    if response_format == "wav":
        fmt = struct.pack("<HHIIHH", 1, 1, _RATE, _RATE * 2, 2, 16)
        return (
            b"RIFF"
            + struct.pack("<I", 36 + len(pcm))
            + b"WAVEfmt "
            + struct.pack("<I", 16)
            + fmt
            + b"data"
            + struct.pack("<I", len(pcm))
            + pcm
        )
    if response_format == "mp3":
        return _MP3_FRAME * max(1, round(seconds / _MP3_FRAME_SECONDS))
    return f"cacheai fake {response_format} audio, {seconds:.3f} s".encode()


def upload_seconds(data: bytes, text: str) -> float:
    """The length of an uploaded recording: read from a WAV header, else estimated from the transcript."""
    if data[:4] == b"RIFF" and data[8:16] == b"WAVEfmt " and len(data) >= 44:
        byte_rate: int = struct.unpack("<I", data[28:32])[0]
        if byte_rate:
            return round(max(0, len(data) - 44) / byte_rate, 3)
    return audio_seconds(text)


# --- transcripts ------------------------------------------------------------------------------------------


def segments(text: str, seconds: float) -> list[tuple[float, float, str]]:
    """``text`` cut into sentences, each with its share of ``seconds`` by word count."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s] or [text]
    words = [max(1, len(_WORD.findall(s))) for s in sentences]
    total = sum(words)
    out, start = [], 0.0
    for sentence, count in zip(sentences, words, strict=True):
        end = round(start + seconds * count / total, 3)
        out.append((round(start, 3), end, sentence))
        start = end
    return out


def _clock(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def srt(cues: Sequence[tuple[float, float, str]]) -> str:
    return "".join(
        f"{n}\n{_clock(start, ',')} --> {_clock(end, ',')}\n{text}\n\n" for n, (start, end, text) in enumerate(cues, 1)
    )


def vtt(cues: Sequence[tuple[float, float, str]]) -> str:
    return "WEBVTT\n\n" + "".join(
        f"{_clock(start, '.')} --> {_clock(end, '.')}\n{text}\n\n" for start, end, text in cues
    )


def words(cues: Sequence[tuple[float, float, str]]) -> list[dict[str, Any]]:
    """Word timestamps: each cue's time shared evenly between its words."""
    out: list[dict[str, Any]] = []
    for start, end, text in cues:
        found = _WORD.findall(text)
        step = (end - start) / max(1, len(found))
        out.extend(
            {"word": word.strip(".,!?;:"), "start": round(start + i * step, 3), "end": round(start + (i + 1) * step, 3)}
            for i, word in enumerate(found)
        )
    return out


# --- moderation -------------------------------------------------------------------------------------------

_CATEGORIES = (
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
)
_IMAGE_CATEGORIES = {
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "violence",
    "violence/graphic",
}
# A few words that make the fake moderator flag a category (so that tests can provoke a flagged result).
_TRIGGERS = {
    "violence": ("kill", "attack", "murder"),
    "harassment": ("idiot", "stupid", "loser"),
    "self-harm": ("self-harm",),
    "illicit": ("steal", "counterfeit"),
}


def moderation_result(text: str, has_image: bool) -> dict[str, Any]:
    """One ``Moderation``: a category is flagged when ``text`` contains one of its trigger words."""
    lowered = text.lower()
    hit = {name for name, triggers in _TRIGGERS.items() if any(word in lowered for word in triggers)}
    applied = [
        [kind for kind, present in (("text", True), ("image", has_image and name in _IMAGE_CATEGORIES)) if present]
        for name in _CATEGORIES
    ]
    return {
        "flagged": bool(hit),
        "categories": {name: name in hit for name in _CATEGORIES},
        "category_scores": {name: 0.97 if name in hit else 0.0001 for name in _CATEGORIES},
        "category_applied_input_types": dict(zip(_CATEGORIES, applied, strict=True)),
    }
