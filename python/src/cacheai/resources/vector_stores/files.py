"""``client.vector_stores.files``: the files of a vector store, and the helpers that wait for processing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from typing_extensions import Unpack

from ..._files import FileTypes
from ..._pagination import SyncCursorPage, SyncPage
from ..._resource import CallOptions
from ..._types import NotGiven, Omit, omit
from ..._utils import path_param, strip_not_given
from ...types import FileChunkingStrategyParam
from ...types.vector_stores import FileContentResponse, VectorStoreFile, VectorStoreFileDeleted
from ._base import VectorStoreResource, store_path
from ._polling import poll, validate_max_wait_seconds

__all__ = ["Files"]

Attributes = dict[str, str | float | bool]
FileStatus = Literal["in_progress", "completed", "failed", "cancelled"]


def _files_path(vector_store_id: str, *rest: str) -> str:
    return store_path(vector_store_id, "files", *rest)


def _file_path(vector_store_id: str, file_id: str, *rest: str) -> str:
    return _files_path(vector_store_id, path_param("file_id", file_id), *rest)


class Files(VectorStoreResource):
    def create(
        self,
        vector_store_id: str,
        *,
        file_id: str,
        attributes: Attributes | Omit | NotGiven | None = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> VectorStoreFile:
        """Attach an uploaded file to a vector store (processed in the background: see ``poll``)."""
        body = strip_not_given({"file_id": file_id, "attributes": attributes, "chunking_strategy": chunking_strategy})
        return self._send(VectorStoreFile, "POST", _files_path(vector_store_id), body=body, **options)

    def retrieve(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        **options: Unpack[CallOptions],
    ) -> VectorStoreFile:
        """One file of a vector store, with its processing ``status``."""
        return self._send(VectorStoreFile, "GET", _file_path(vector_store_id, file_id), **options)

    def update(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        attributes: Attributes | None,
        **options: Unpack[CallOptions],
    ) -> VectorStoreFile:
        """Replace a file's ``attributes`` (the keys ``search`` filters on)."""
        return self._send(
            VectorStoreFile, "POST", _file_path(vector_store_id, file_id), body={"attributes": attributes}, **options
        )

    def list(
        self,
        vector_store_id: str,
        *,
        after: str | Omit | NotGiven = omit,
        before: str | Omit | NotGiven = omit,
        filter: FileStatus | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        order: Literal["asc", "desc"] | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncCursorPage[VectorStoreFile]:
        """A vector store's files (``filter`` by status); iterating the page walks every page."""
        query = strip_not_given({"after": after, "before": before, "filter": filter, "limit": limit, "order": order})
        return self._page(SyncCursorPage[VectorStoreFile], "GET", _files_path(vector_store_id), params=query, **options)

    def delete(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        **options: Unpack[CallOptions],
    ) -> VectorStoreFileDeleted:
        """Detach a file from a vector store (the file itself stays in ``client.files``)."""
        return self._send(VectorStoreFileDeleted, "DELETE", _file_path(vector_store_id, file_id), **options)

    def content(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        **options: Unpack[CallOptions],
    ) -> SyncPage[FileContentResponse]:
        """The parsed text of a file in a vector store."""
        return self._page(
            SyncPage[FileContentResponse], "GET", _file_path(vector_store_id, file_id, "content"), **options
        )

    def poll(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        poll_interval_ms: int | Omit | NotGiven = omit,
        max_wait_seconds: float | Omit | NotGiven = omit,
    ) -> VectorStoreFile:
        """Wait until the file is no longer ``in_progress``; ``TimeoutError`` after ``max_wait_seconds``."""

        def retrieve_raw(headers: Mapping[str, str]) -> object:
            return self.with_raw_response.retrieve(file_id, vector_store_id=vector_store_id, extra_headers=headers)

        return poll(  # type: ignore[no-any-return]
            retrieve_raw,
            lambda file: file.status == "in_progress",
            what=f"vector store file {file_id!r}",
            poll_interval_ms=poll_interval_ms,
            max_wait_seconds=max_wait_seconds,
        )

    def create_and_poll(
        self,
        file_id: str,
        *,
        vector_store_id: str,
        attributes: Attributes | Omit | NotGiven | None = omit,
        poll_interval_ms: int | Omit | NotGiven = omit,
        max_wait_seconds: float | Omit | NotGiven = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> VectorStoreFile:
        """``create``, then ``poll`` until the file is processed."""
        validate_max_wait_seconds(max_wait_seconds)
        self.create(
            vector_store_id,
            file_id=file_id,
            chunking_strategy=chunking_strategy,
            attributes=attributes,
            **options,
        )
        return self.poll(
            file_id,
            vector_store_id=vector_store_id,
            poll_interval_ms=poll_interval_ms,
            max_wait_seconds=max_wait_seconds,
        )

    def upload(
        self,
        *,
        vector_store_id: str,
        file: FileTypes,
        chunking_strategy: FileChunkingStrategyParam | Omit | NotGiven = omit,
    ) -> VectorStoreFile:
        """Upload ``file`` (``purpose="assistants"``) and attach it; processing goes on in the background."""
        uploaded = self._client.files.create(file=file, purpose="assistants")
        return self.create(vector_store_id, file_id=uploaded.id, chunking_strategy=chunking_strategy)

    def upload_and_poll(
        self,
        *,
        vector_store_id: str,
        file: FileTypes,
        attributes: Attributes | Omit | NotGiven | None = omit,
        poll_interval_ms: int | Omit | NotGiven = omit,
        max_wait_seconds: float | Omit | NotGiven = omit,
        chunking_strategy: FileChunkingStrategyParam | Omit | NotGiven = omit,
    ) -> VectorStoreFile:
        """Upload ``file``, attach it and wait until it is processed."""
        validate_max_wait_seconds(max_wait_seconds)
        uploaded = self._client.files.create(file=file, purpose="assistants")
        return self.create_and_poll(
            uploaded.id,
            vector_store_id=vector_store_id,
            chunking_strategy=chunking_strategy,
            poll_interval_ms=poll_interval_ms,
            max_wait_seconds=max_wait_seconds,
            attributes=attributes,
        )
