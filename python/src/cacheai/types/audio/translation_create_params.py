"""API types mirroring `openai.types.audio.translation_create_params`."""

from typing import Literal

from typing_extensions import Required, TypedDict

from ..._files import FileTypes

__all__ = ["TranslationCreateParams"]


class TranslationCreateParams(TypedDict, total=False):
    file: Required[FileTypes]
    model: Required[
        str
        | Literal[
            "whisper-1",
            "gpt-transcribe",
            "gpt-4o-transcribe",
            "gpt-4o-mini-transcribe",
            "gpt-4o-mini-transcribe-2025-12-15",
            "gpt-4o-transcribe-diarize",
        ]
    ]
    prompt: str
    response_format: Literal["json", "text", "srt", "verbose_json", "vtt"]
    temperature: float
