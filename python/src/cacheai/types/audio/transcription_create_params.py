"""API types mirroring `openai.types.audio.transcription_create_params`."""

from collections.abc import Sequence
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from ..._files import FileTypes

__all__ = [
    "ChunkingStrategy",
    "ChunkingStrategyVadConfig",
    "TranscriptionCreateParams",
    "TranscriptionCreateParamsBase",
    "TranscriptionCreateParamsNonStreaming",
    "TranscriptionCreateParamsStreaming",
]


class ChunkingStrategyVadConfig(TypedDict, total=False):
    type: Required[Literal["server_vad"]]
    prefix_padding_ms: int
    silence_duration_ms: int
    threshold: float


ChunkingStrategy: TypeAlias = Literal["auto"] | ChunkingStrategyVadConfig


class TranscriptionCreateParamsBase(TypedDict, total=False):
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
    chunking_strategy: ChunkingStrategy | None
    include: list[Literal["logprobs"]]
    keywords: Sequence[str]
    known_speaker_names: Sequence[str]
    known_speaker_references: Sequence[str]
    language: str
    languages: Sequence[str]
    prompt: str
    response_format: Literal["json", "text", "srt", "verbose_json", "vtt", "diarized_json"]
    temperature: float
    timestamp_granularities: list[Literal["word", "segment"]]


class TranscriptionCreateParamsNonStreaming(TranscriptionCreateParamsBase, total=False):
    stream: Literal[False] | None


class TranscriptionCreateParamsStreaming(TranscriptionCreateParamsBase, total=False):
    stream: Required[Literal[True]]


TranscriptionCreateParams: TypeAlias = TranscriptionCreateParamsNonStreaming | TranscriptionCreateParamsStreaming
