"""API types mirroring `openai.types.file_object`."""

from typing import Literal

from .._models import BaseModel

__all__ = ["FileObject"]


class FileObject(BaseModel):
    """A file uploaded to the server."""

    id: str
    bytes: int
    created_at: int
    filename: str
    object: Literal["file"]
    purpose: Literal[
        "assistants",
        "assistants_output",
        "batch",
        "batch_output",
        "fine-tune",
        "fine-tune-results",
        "vision",
        "user_data",
    ]
    status: Literal["uploaded", "processed", "error"]
    expires_at: int | None = None
    status_details: str | None = None
