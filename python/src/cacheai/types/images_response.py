"""API types mirroring `openai.types.images_response`."""

from typing import Literal

from .._models import BaseModel
from .image import Image

__all__ = ["ImagesResponse", "SvgUsage", "Usage", "UsageInputTokensDetails", "UsageOutputTokensDetails"]


class SvgUsage(BaseModel):
    input_tokens: int
    model: str
    output_tokens: int
    reasoning_tokens: int
    total_tokens: int


class UsageInputTokensDetails(BaseModel):
    image_tokens: int
    text_tokens: int


class UsageOutputTokensDetails(BaseModel):
    image_tokens: int
    text_tokens: int


class Usage(BaseModel):
    input_tokens: int
    input_tokens_details: UsageInputTokensDetails
    output_tokens: int
    total_tokens: int
    output_tokens_details: UsageOutputTokensDetails | None = None


class ImagesResponse(BaseModel):
    created: int
    background: Literal["transparent", "opaque"] | None = None
    data: list[Image] | None = None
    output_format: Literal["png", "webp", "jpeg", "gif", "svg"] | None = None
    quality: Literal["low", "medium", "high", "xhigh", "max"] | None = None
    safety_identifier: str | None = None
    size: str | Literal["1024x1024", "1024x1536", "1536x1024"] | None = None
    svg_usage: SvgUsage | None = None
    usage: Usage | None = None
