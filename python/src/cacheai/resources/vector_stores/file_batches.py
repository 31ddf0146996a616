"""``client.vector_stores.file_batches``: attach many files to a vector store at once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

from typing_extensions import Unpack

from ..._files import FileTypes
from ..._pagination import SyncCursorPage
from ..._resource import CallOptions
from ..._types import NotGiven, Omit, omit
from ..._utils import json_array, path_param, strip_not_given
from ...types import FileChunkingStrategyParam, FileObject
from ...types.vector_stores import VectorStoreFile, VectorStoreFileBatch, file_batch_create_params
from ._base import VectorStoreResource, store_path
from ._polling import poll
from .files import Attributes, FileStatus

__all__ = ["FileBatches"]


def _batches_path(vector_store_id: str, *rest: str) -> str:
    return store_path(vector_store_id, "file_batches", *rest)


def _batch_path(vector_store_id: str, batch_id: str, *rest: str) -> str:
    return _batches_path(vector_store_id, path_param("batch_id", batch_id), *rest)


class FileBatches(VectorStoreResource):
    def create(
        self,
        vector_store_id: str,
        *,
        attributes: Attributes | Omit | NotGiven | None = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit | NotGiven = omit,
        file_ids: Sequence[str] | Omit | NotGiven = omit,
        files: Iterable[file_batch_create_params.File] | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> VectorStoreFileBatch:
        """Attach uploaded files (``file_ids``, or ``files`` with per-file attributes) in one batch."""
        body = strip_not_given(
            {
                "attributes": attributes,
                "chunking_strategy": chunking_strategy,
                "file_ids": file_ids,
                "files": json_array(files),
            }
        )
        return self._send(VectorStoreFileBatch, "POST", _batches_path(vector_store_id), body=body, **options)

    def retrieve(
        self,
        batch_id: str,
        *,
        vector_store_id: str,
        **options: Unpack[CallOptions],
    ) -> VectorStoreFileBatch:
        """A batch, with its ``status`` and ``file_counts``."""
        return self._send(VectorStoreFileBatch, "GET", _batch_path(vector_store_id, batch_id), **options)

    def cancel(
        self,
        batch_id: str,
        *,
        vector_store_id: str,
        **options: Unpack[CallOptions],
    ) -> VectorStoreFileBatch:
        """Stop processing the batch's remaining files."""
        return self._send(VectorStoreFileBatch, "POST", _batch_path(vector_store_id, batch_id, "cancel"), **options)

    def list_files(
        self,
        batch_id: str,
        *,
        vector_store_id: str,
        after: str | Omit | NotGiven = omit,
        before: str | Omit | NotGiven = omit,
        filter: FileStatus | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        order: Literal["asc", "desc"] | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncCursorPage[VectorStoreFile]:
        """The files of a batch (``filter`` by status); iterating the page walks every page."""
        query = strip_not_given({"after": after, "before": before, "filter": filter, "limit": limit, "order": order})
        return self._page(
            SyncCursorPage[VectorStoreFile],
            "GET",
            _batch_path(vector_store_id, batch_id, "files"),
            params=query,
            **options,
        )

    def poll(
        self,
        batch_id: str,
        *,
        vector_store_id: str,
        poll_interval_ms: int | Omit | NotGiven = omit,
    ) -> VectorStoreFileBatch:
        """Wait until no file of the batch is in progress."""

        def retrieve_raw(headers: Mapping[str, str]) -> object:
            return self.with_raw_response.retrieve(batch_id, vector_store_id=vector_store_id, extra_headers=headers)

        return poll(  # type: ignore[no-any-return]
            retrieve_raw,
            lambda batch: batch.file_counts.in_progress > 0,
            what=f"vector store file batch {batch_id!r}",
            poll_interval_ms=poll_interval_ms,
            max_wait_seconds=omit,
        )

    def create_and_poll(
        self,
        vector_store_id: str,
        *,
        attributes: Attributes | Omit | NotGiven | None = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit | NotGiven = omit,
        file_ids: Sequence[str] | Omit | NotGiven = omit,
        files: Iterable[file_batch_create_params.File] | Omit | NotGiven = omit,
        poll_interval_ms: int | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> VectorStoreFileBatch:
        """``create``, then ``poll`` until every file is processed."""
        batch = self.create(
            vector_store_id,
            attributes=attributes,
            chunking_strategy=chunking_strategy,
            file_ids=file_ids,
            files=files,
            **options,
        )
        return self.poll(batch.id, vector_store_id=vector_store_id, poll_interval_ms=poll_interval_ms)

    def upload_and_poll(
        self,
        vector_store_id: str,
        *,
        files: Iterable[FileTypes],
        max_concurrency: int = 5,
        file_ids: Sequence[str] = [],
        poll_interval_ms: int | Omit | NotGiven = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit | NotGiven = omit,
    ) -> VectorStoreFileBatch:
        """Upload ``files`` (``max_concurrency`` at a time, on threads sharing this client), then attach them and
        the already uploaded ``file_ids`` in one batch and wait for it. The first failed upload is raised."""
        with ThreadPoolExecutor(max_workers=max_concurrency) as executor:
            futures = [executor.submit(self._client.files.create, file=file, purpose="assistants") for file in files]
        uploaded: list[FileObject] = [future.result() for future in futures]
        return self.create_and_poll(
            vector_store_id,
            file_ids=[*file_ids, *(file.id for file in uploaded)],
            poll_interval_ms=poll_interval_ms,
            chunking_strategy=chunking_strategy,
        )
