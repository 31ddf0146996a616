"""API types mirroring `openai.types.fine_tuning.checkpoints.permission_create_response`."""

from typing import Literal

from ...._models import BaseModel

__all__ = ["PermissionCreateResponse"]


class PermissionCreateResponse(BaseModel):
    id: str
    created_at: int
    object: Literal["checkpoint.permission"]
    project_id: str
