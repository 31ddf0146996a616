"""``client.models``: list, retrieve and delete models."""

from __future__ import annotations

from .._pagination import SyncPage
from .._resource import RawResponseMirror, SyncAPIResource, make_options
from .._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from .._utils import path_param
from ..types import Model, ModelDeleted

__all__ = ["Models"]


class Models(SyncAPIResource):
    @property
    def with_raw_response(self) -> RawResponseMirror:
        return RawResponseMirror(self)

    def list(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
    ) -> SyncPage[Model]:
        """The models the server offers (one page; iterate it or read ``.data``)."""
        return self._client.get_page(
            SyncPage[Model],
            make_options(
                "GET",
                "models",
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def retrieve(
        self,
        model: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
    ) -> Model:
        """One model by id."""
        return self._client.request(  # type: ignore[no-any-return]
            Model,
            make_options(
                "GET",
                f"models/{path_param('model', model)}",
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )

    def delete(
        self,
        model: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
    ) -> ModelDeleted:
        """Delete a fine-tuned model you own."""
        return self._client.request(  # type: ignore[no-any-return]
            ModelDeleted,
            make_options(
                "DELETE",
                f"models/{path_param('model', model)}",
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
            ),
        )
