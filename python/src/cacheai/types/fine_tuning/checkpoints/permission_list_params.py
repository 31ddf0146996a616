"""API types mirroring `openai.types.fine_tuning.checkpoints.permission_list_params`."""

from typing import Literal

from typing_extensions import TypedDict

__all__ = ["PermissionListParams"]


class PermissionListParams(TypedDict, total=False):
    after: str
    limit: int
    order: Literal["ascending", "descending"]
    project_id: str
