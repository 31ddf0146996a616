"""API types mirroring `openai.types.uploads.upload_part`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["UploadPart"]


class UploadPart(BaseModel):
    id: str
    created_at: int
    object: Literal["upload.part"]
    upload_id: str
