"""API types mirroring `openai.types.vector_stores.file_content_response`."""

from ..._models import BaseModel

__all__ = ["FileContentResponse"]


class FileContentResponse(BaseModel):
    text: str | None = None
    type: str | None = None
