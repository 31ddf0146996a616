"""API types mirroring `openai.types.responses.response_image_gen_call_partial_image_event`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseImageGenCallPartialImageEvent"]


class ResponseImageGenCallPartialImageEvent(BaseModel):
    item_id: str
    output_index: int
    partial_image_b64: str
    partial_image_index: int
    sequence_number: int
    type: Literal["response.image_generation_call.partial_image"]
    background: str | None = None
    output_format: str | None = None
    quality: str | None = None
    size: str | None = None
