"""``client.fine_tuning.checkpoints.permissions``: which projects may use a fine-tuned model checkpoint."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Literal

from typing_extensions import Unpack, deprecated

from ..._pagination import SyncConversationCursorPage, SyncPage
from ..._resource import CallOptions, SyncAPIResource, make_options
from ..._types import NotGiven, Omit, omit
from ..._utils import path_param, strip_not_given
from ...types.fine_tuning.checkpoints import (
    PermissionCreateResponse,
    PermissionDeleteResponse,
    PermissionListResponse,
    PermissionRetrieveResponse,
)

__all__ = ["Checkpoints", "Permissions"]


def _permissions_path(fine_tuned_model_checkpoint: str, *rest: str) -> str:
    checkpoint = path_param("fine_tuned_model_checkpoint", fine_tuned_model_checkpoint)
    return "/".join(("fine_tuning/checkpoints", checkpoint, "permissions", *rest))


class Checkpoints(SyncAPIResource):
    @cached_property
    def permissions(self) -> Permissions:
        """Share a checkpoint with other projects (an organization owner's key)."""
        return Permissions(self._client)


class Permissions(SyncAPIResource):
    def create(
        self,
        fine_tuned_model_checkpoint: str,
        *,
        project_ids: Sequence[str],
        **options: Unpack[CallOptions],
    ) -> SyncPage[PermissionCreateResponse]:
        """Let the projects ``project_ids`` use the checkpoint; one permission per project."""
        return self._client.get_page(
            SyncPage[PermissionCreateResponse],
            make_options(
                "POST",
                _permissions_path(fine_tuned_model_checkpoint),
                body={"project_ids": project_ids},
                **options,
            ),
        )

    @deprecated("Retrieve is deprecated. Please swap to the paginated list method instead.")
    def retrieve(
        self,
        fine_tuned_model_checkpoint: str,
        *,
        after: str | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        order: Literal["ascending", "descending"] | Omit | NotGiven = omit,
        project_id: str | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> PermissionRetrieveResponse:
        """One page of the checkpoint's permissions (deprecated by openai: use ``list``)."""
        query = strip_not_given({"after": after, "limit": limit, "order": order, "project_id": project_id})
        return self._client.request(  # type: ignore[no-any-return]
            PermissionRetrieveResponse,
            make_options("GET", _permissions_path(fine_tuned_model_checkpoint), params=query, **options),
        )

    def list(
        self,
        fine_tuned_model_checkpoint: str,
        *,
        after: str | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        order: Literal["ascending", "descending"] | Omit | NotGiven = omit,
        project_id: str | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncConversationCursorPage[PermissionListResponse]:
        """The checkpoint's permissions (``project_id`` filters); iterating the page walks every page."""
        query = strip_not_given({"after": after, "limit": limit, "order": order, "project_id": project_id})
        return self._client.get_page(
            SyncConversationCursorPage[PermissionListResponse],
            make_options("GET", _permissions_path(fine_tuned_model_checkpoint), params=query, **options),
        )

    def delete(
        self,
        permission_id: str,
        *,
        fine_tuned_model_checkpoint: str,
        **options: Unpack[CallOptions],
    ) -> PermissionDeleteResponse:
        """Withdraw one permission."""
        path = _permissions_path(fine_tuned_model_checkpoint, path_param("permission_id", permission_id))
        return self._client.request(  # type: ignore[no-any-return]
            PermissionDeleteResponse, make_options("DELETE", path, **options)
        )
