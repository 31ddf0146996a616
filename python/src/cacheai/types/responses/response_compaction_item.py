"""API types mirroring `openai.types.responses.response_compaction_item`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseCompactionItem"]


class ResponseCompactionItem(BaseModel):
    id: str
    encrypted_content: str
    type: Literal["compaction"]
    created_by: str | None = None
