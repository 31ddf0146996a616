"""API types mirroring `openai.types.fine_tuning.checkpoints.permission_retrieve_response`."""

from typing import Literal

from ...._models import BaseModel

__all__ = ["Data", "PermissionRetrieveResponse"]


class Data(BaseModel):
    id: str
    created_at: int
    object: Literal["checkpoint.permission"]
    project_id: str


class PermissionRetrieveResponse(BaseModel):
    data: list[Data]
    has_more: bool
    object: Literal["list"]
    first_id: str | None = None
    last_id: str | None = None
