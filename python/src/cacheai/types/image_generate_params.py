"""API types mirroring `openai.types.image_generate_params`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from .image_model import ImageModel
from .shared.reasoning_effort import ReasoningEffort

__all__ = [
    "ImageGenerateParams",
    "ImageGenerateParamsBase",
    "ImageGenerateParamsNonStreaming",
    "ImageGenerateParamsStreaming",
    "Svg",
    "SvgReasoning",
]


class SvgReasoning(TypedDict, total=False):
    effort: ReasoningEffort | None


class Svg(TypedDict, total=False):
    model: Required[str]
    reasoning: SvgReasoning | None


class ImageGenerateParamsBase(TypedDict, total=False):
    prompt: Required[str]
    background: Literal["transparent", "opaque", "auto"] | None
    complexity: Literal["low", "medium", "high"] | None
    frame_count: int | None
    frame_duration_ms: int | None
    model: str | ImageModel | None
    moderation: Literal["low", "auto"] | None
    n: int | None
    output_compression: int | None
    output_format: Literal["png", "webp", "jpeg", "gif", "svg"] | None
    partial_images: int | None
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto", "standard", "hd"] | None
    response_format: Literal["url", "b64_json"] | None
    safety_identifier: str | None
    size: (
        str
        | Literal["auto", "1024x1024", "1536x1024", "1024x1536", "256x256", "512x512", "1792x1024", "1024x1792"]
        | None
    )
    style: Literal["vivid", "natural"] | None
    svg: Svg | None
    user: str


class ImageGenerateParamsNonStreaming(ImageGenerateParamsBase, total=False):
    stream: Literal[False] | None


class ImageGenerateParamsStreaming(ImageGenerateParamsBase, total=False):
    stream: Required[Literal[True]]


ImageGenerateParams: TypeAlias = ImageGenerateParamsNonStreaming | ImageGenerateParamsStreaming
