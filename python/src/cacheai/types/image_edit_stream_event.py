"""API types mirroring `openai.types.image_edit_stream_event`."""

from typing import Annotated, TypeAlias

from pydantic import Field

from .image_edit_completed_event import ImageEditCompletedEvent
from .image_edit_partial_image_event import ImageEditPartialImageEvent

__all__ = ["ImageEditStreamEvent"]


ImageEditStreamEvent: TypeAlias = Annotated[
    ImageEditPartialImageEvent | ImageEditCompletedEvent, Field(discriminator="type")
]
