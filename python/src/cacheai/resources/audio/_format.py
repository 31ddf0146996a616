"""The type an audio-to-text call returns for its ``response_format`` (openai's rule)."""

from __future__ import annotations

from typing import Any

__all__ = ["TEXT_FORMATS", "result_type"]

# The formats answered as plain text (a transcript, SubRip or WebVTT subtitles): returned as a ``str``.
TEXT_FORMATS = frozenset({"text", "srt", "vtt"})


def result_type(response_format: object, by_format: dict[str, Any], default: Any) -> Any:
    """``str`` for a text format, the model ``by_format`` names, else ``default`` (``json``, not given, unknown)."""
    if isinstance(response_format, str):
        if response_format in TEXT_FORMATS:
            return str
        return by_format.get(response_format, default)
    return default
