"""API types mirroring `openai.types.responses.response_input_content`."""

from typing import Annotated, TypeAlias

from pydantic import Field

from .response_input_file import ResponseInputFile
from .response_input_image import ResponseInputImage
from .response_input_text import ResponseInputText

__all__ = ["ResponseInputContent"]


ResponseInputContent: TypeAlias = Annotated[
    ResponseInputText | ResponseInputImage | ResponseInputFile, Field(discriminator="type")
]
