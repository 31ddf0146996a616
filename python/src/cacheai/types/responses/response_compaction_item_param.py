"""API types mirroring `openai.types.responses.response_compaction_item_param`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ResponseCompactionItemParam"]


class ResponseCompactionItemParam(BaseModel):
    encrypted_content: str
    type: Literal["compaction"]
    id: str | None = None
