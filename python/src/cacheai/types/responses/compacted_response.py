"""API types mirroring `openai.types.responses.compacted_response`."""

from typing import Literal

from ..._models import BaseModel
from .response_output_item import ResponseOutputItem
from .response_usage import ResponseUsage

__all__ = ["CompactedResponse", "Image"]


class Image(BaseModel):
    context_compression: Literal["enabled", "disabled"]


class CompactedResponse(BaseModel):
    id: str
    created_at: int
    object: Literal["response.compaction"]
    output: list[ResponseOutputItem]
    usage: ResponseUsage
    image: Image | None = None
