"""API types mirroring `openai.types.fine_tuning.checkpoints.permission_retrieve_params`."""

from typing import Literal

from typing_extensions import TypedDict

__all__ = ["PermissionRetrieveParams"]


class PermissionRetrieveParams(TypedDict, total=False):
    after: str
    limit: int
    order: Literal["ascending", "descending"]
    project_id: str
