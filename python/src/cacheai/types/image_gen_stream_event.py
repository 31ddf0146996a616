"""API types mirroring `openai.types.image_gen_stream_event`."""

from typing import Annotated, TypeAlias

from pydantic import Field

from .image_gen_completed_event import ImageGenCompletedEvent
from .image_gen_partial_image_event import ImageGenPartialImageEvent

__all__ = ["ImageGenStreamEvent"]


ImageGenStreamEvent: TypeAlias = Annotated[
    ImageGenPartialImageEvent | ImageGenCompletedEvent, Field(discriminator="type")
]
