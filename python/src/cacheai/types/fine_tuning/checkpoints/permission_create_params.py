"""API types mirroring `openai.types.fine_tuning.checkpoints.permission_create_params`."""

from collections.abc import Sequence

from typing_extensions import Required, TypedDict

__all__ = ["PermissionCreateParams"]


class PermissionCreateParams(TypedDict, total=False):
    project_ids: Required[Sequence[str]]
