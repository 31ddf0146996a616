"""API types mirroring `openai.types.file_deleted`."""

from typing import Literal

from .._models import BaseModel

__all__ = ["FileDeleted"]


class FileDeleted(BaseModel):
    """The result of deleting a file."""

    id: str
    deleted: bool
    object: Literal["file"]
