"""API types mirroring `openai.types.fine_tuning.checkpoints.permission_delete_response`."""

from typing import Literal

from ...._models import BaseModel

__all__ = ["PermissionDeleteResponse"]


class PermissionDeleteResponse(BaseModel):
    id: str
    deleted: bool
    object: Literal["checkpoint.permission"]
