"""API types mirroring `openai.types.image_gen_partial_image_event`."""

from typing import Literal

from .._models import BaseModel

__all__ = ["ImageGenPartialImageEvent"]


class ImageGenPartialImageEvent(BaseModel):
    b64_json: str
    background: Literal["transparent", "opaque", "auto"]
    created_at: int
    output_format: Literal["png", "webp", "jpeg"]
    partial_image_index: int
    quality: Literal["low", "medium", "high", "xhigh", "max", "auto"]
    size: str | Literal["1024x1024", "1024x1536", "1536x1024", "auto"]
    type: Literal["image_generation.partial_image"]
