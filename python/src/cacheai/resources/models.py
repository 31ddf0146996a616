"""``client.models``: list, retrieve and delete models."""

from __future__ import annotations

from typing_extensions import Unpack

from .._pagination import SyncPage
from .._resource import CallOptions, SyncAPIResource, make_options
from .._utils import path_param
from ..types import Model, ModelDeleted

__all__ = ["Models"]


class Models(SyncAPIResource):
    def list(
        self,
        **options: Unpack[CallOptions],
    ) -> SyncPage[Model]:
        """The models the server offers (one page; iterate it or read ``.data``)."""
        return self._client.get_page(
            SyncPage[Model],
            make_options(
                "GET",
                "models",
                **options,
            ),
        )

    def retrieve(
        self,
        model: str,
        **options: Unpack[CallOptions],
    ) -> Model:
        """One model by id."""
        return self._client.request(  # type: ignore[no-any-return]
            Model,
            make_options(
                "GET",
                f"models/{path_param('model', model)}",
                **options,
            ),
        )

    def delete(
        self,
        model: str,
        **options: Unpack[CallOptions],
    ) -> ModelDeleted:
        """Delete a fine-tuned model you own."""
        return self._client.request(  # type: ignore[no-any-return]
            ModelDeleted,
            make_options(
                "DELETE",
                f"models/{path_param('model', model)}",
                **options,
            ),
        )
