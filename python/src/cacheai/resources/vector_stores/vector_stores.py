"""``client.vector_stores``: create, retrieve, update, list, delete and search vector stores."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Literal

from typing_extensions import Unpack

from ..._pagination import SyncCursorPage, SyncPage
from ..._resource import CallOptions
from ..._types import NotGiven, Omit, omit
from ..._utils import strip_not_given
from ...types import (
    FileChunkingStrategyParam,
    VectorStore,
    VectorStoreDeleted,
    VectorStoreSearchResponse,
    vector_store_create_params,
    vector_store_search_params,
    vector_store_update_params,
)
from ...types.shared_params.metadata import Metadata
from ._base import VectorStoreResource, store_path
from .file_batches import FileBatches
from .files import Files

__all__ = ["VectorStores"]


class VectorStores(VectorStoreResource):
    @cached_property
    def files(self) -> Files:
        """The files of a vector store (attach, list, update attributes, read parsed content, detach)."""
        return Files(self._client)

    @cached_property
    def file_batches(self) -> FileBatches:
        """Attach many files at once and follow their processing."""
        return FileBatches(self._client)

    def create(
        self,
        *,
        chunking_strategy: FileChunkingStrategyParam | Omit | NotGiven = omit,
        description: str | Omit | NotGiven = omit,
        expires_after: vector_store_create_params.ExpiresAfter | Omit | NotGiven = omit,
        file_ids: Sequence[str] | Omit | NotGiven = omit,
        metadata: Metadata | Omit | NotGiven | None = omit,
        name: str | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> VectorStore:
        """Create a vector store, optionally with uploaded files (``file_ids``) to index."""
        body = strip_not_given(
            {
                "chunking_strategy": chunking_strategy,
                "description": description,
                "expires_after": expires_after,
                "file_ids": file_ids,
                "metadata": metadata,
                "name": name,
            }
        )
        return self._send(VectorStore, "POST", "vector_stores", body=body, **options)

    def retrieve(
        self,
        vector_store_id: str,
        **options: Unpack[CallOptions],
    ) -> VectorStore:
        """A vector store: ``status``, ``file_counts``, ``usage_bytes``."""
        return self._send(VectorStore, "GET", store_path(vector_store_id), **options)

    def update(
        self,
        vector_store_id: str,
        *,
        expires_after: vector_store_update_params.ExpiresAfter | Omit | NotGiven | None = omit,
        metadata: Metadata | Omit | NotGiven | None = omit,
        name: str | Omit | NotGiven | None = omit,
        **options: Unpack[CallOptions],
    ) -> VectorStore:
        """Change a vector store's name, metadata or expiration policy."""
        body = strip_not_given({"expires_after": expires_after, "metadata": metadata, "name": name})
        return self._send(VectorStore, "POST", store_path(vector_store_id), body=body, **options)

    def list(
        self,
        *,
        after: str | Omit | NotGiven = omit,
        before: str | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        order: Literal["asc", "desc"] | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncCursorPage[VectorStore]:
        """Your vector stores; iterating the page walks every page."""
        query = strip_not_given({"after": after, "before": before, "limit": limit, "order": order})
        return self._page(SyncCursorPage[VectorStore], "GET", "vector_stores", params=query, **options)

    def delete(
        self,
        vector_store_id: str,
        **options: Unpack[CallOptions],
    ) -> VectorStoreDeleted:
        """Delete a vector store (its files stay in ``client.files``)."""
        return self._send(VectorStoreDeleted, "DELETE", store_path(vector_store_id), **options)

    def search(
        self,
        vector_store_id: str,
        *,
        query: str | Sequence[str],
        filters: vector_store_search_params.Filters | Omit | NotGiven = omit,
        max_num_results: int | Omit | NotGiven = omit,
        ranking_options: vector_store_search_params.RankingOptions | Omit | NotGiven = omit,
        rewrite_query: bool | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncPage[VectorStoreSearchResponse]:
        """The chunks most relevant to ``query`` (filtered by file ``attributes`` with ``filters``), best first."""
        body = strip_not_given(
            {
                "query": query,
                "filters": filters,
                "max_num_results": max_num_results,
                "ranking_options": ranking_options,
                "rewrite_query": rewrite_query,
            }
        )
        return self._page(
            SyncPage[VectorStoreSearchResponse], "POST", store_path(vector_store_id, "search"), body=body, **options
        )
