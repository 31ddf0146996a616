"""The base of the vector store resources: every request carries openai's ``OpenAI-Beta: assistants=v2``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from typing_extensions import Unpack

from ..._pagination import BasePage
from ..._resource import CallOptions, SyncAPIResource, make_options
from ..._utils import path_param

__all__ = ["BETA_HEADER", "VectorStoreResource", "store_path"]

BETA_HEADER = {"OpenAI-Beta": "assistants=v2"}
"""openai sends this header with every vector store request (a caller's ``extra_headers`` win over it)."""

_T = TypeVar("_T")
_PageT = TypeVar("_PageT", bound=BasePage[Any])


def store_path(vector_store_id: str, *rest: str) -> str:
    """``vector_stores/<id>/...``, the id checked and percent-encoded."""
    return "/".join(("vector_stores", path_param("vector_store_id", vector_store_id), *rest))


class VectorStoreResource(SyncAPIResource):
    def _send(
        self,
        cast_to: type[_T],
        method: str,
        path: str,
        *,
        body: object | None = None,
        **options: Unpack[CallOptions],
    ) -> _T:
        """One request with the beta header, parsed into ``cast_to``."""
        request = make_options(method, path, body=body, headers=BETA_HEADER, **options)
        return self._client.request(cast_to, request)  # type: ignore[no-any-return]

    def _page(
        self,
        page_cls: type[_PageT],
        method: str,
        path: str,
        *,
        body: object | None = None,
        params: Mapping[str, object] | None = None,
        **options: Unpack[CallOptions],
    ) -> _PageT:
        """A list request with the beta header; the page fetches the ones after it."""
        request = make_options(method, path, body=body, params=params, headers=BETA_HEADER, **options)
        return self._client.get_page(page_cls, request)
