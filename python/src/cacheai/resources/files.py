"""``client.files``: upload, list, retrieve, delete and download files."""

from __future__ import annotations

import time
from typing import Literal

from typing_extensions import Unpack

from .._files import FileTypes
from .._pagination import SyncCursorPage
from .._resource import CallOptions, SyncAPIResource, make_options
from .._response import BinaryAPIResponse
from .._types import NotGiven, Omit, omit
from .._utils import path_param, strip_not_given
from ..types import FileDeleted, FileObject

__all__ = ["Files"]

FilePurpose = Literal["assistants", "batch", "fine-tune", "vision", "user_data", "evals"]


class Files(SyncAPIResource):
    def create(
        self,
        *,
        file: FileTypes,
        purpose: FilePurpose | str,
        expires_after: dict[str, object] | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> FileObject:
        """Upload ``file`` (a path, bytes, a binary file object or a ``(filename, content)`` tuple)."""
        fields = strip_not_given({"purpose": purpose, "expires_after": expires_after})
        return self._client.request(  # type: ignore[no-any-return]
            FileObject,
            make_options(
                "POST",
                "files",
                body=fields,
                files=[("file", file)],
                **options,
            ),
        )

    def retrieve(
        self,
        file_id: str,
        **options: Unpack[CallOptions],
    ) -> FileObject:
        return self._client.request(  # type: ignore[no-any-return]
            FileObject,
            make_options(
                "GET",
                f"files/{path_param('file_id', file_id)}",
                **options,
            ),
        )

    def list(
        self,
        *,
        after: str | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        order: Literal["asc", "desc"] | Omit | NotGiven = omit,
        purpose: str | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncCursorPage[FileObject]:
        """Your files; iterating the page walks every page."""
        query = strip_not_given({"after": after, "limit": limit, "order": order, "purpose": purpose})
        return self._client.get_page(
            SyncCursorPage[FileObject],
            make_options(
                "GET",
                "files",
                params=query,
                **options,
            ),
        )

    def delete(
        self,
        file_id: str,
        **options: Unpack[CallOptions],
    ) -> FileDeleted:
        return self._client.request(  # type: ignore[no-any-return]
            FileDeleted,
            make_options(
                "DELETE",
                f"files/{path_param('file_id', file_id)}",
                **options,
            ),
        )

    def content(
        self,
        file_id: str,
        **options: Unpack[CallOptions],
    ) -> BinaryAPIResponse:
        """A file's contents: ``.read()``, ``.text``, ``.write_to_file(path)``."""
        return self._client.request(  # type: ignore[no-any-return]
            BinaryAPIResponse,
            make_options(
                "GET",
                f"files/{path_param('file_id', file_id)}/content",
                headers={"Accept": "application/binary"},
                **options,
            ),
        )

    def wait_for_processing(
        self, id: str, *, poll_interval: float = 5.0, max_wait_seconds: float = 30 * 60
    ) -> FileObject:
        """Poll until the file is ``processed``, ``error`` or ``deleted``; ``RuntimeError`` past the limit."""
        start = time.monotonic()
        file = self.retrieve(id)
        while file.status not in {"processed", "error", "deleted"}:
            time.sleep(poll_interval)
            file = self.retrieve(id)
            if time.monotonic() - start > max_wait_seconds:
                raise RuntimeError(
                    f"Giving up on waiting for file {id} to finish processing after {max_wait_seconds} seconds."
                )
        return file
