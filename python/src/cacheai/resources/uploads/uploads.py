"""``client.uploads``: create an upload, send its parts, complete it into a file (or cancel it).

The path for files over the single-request limit of ``files.create`` (512 MB; up to 8 GB this way), e.g. a
large Batch API input. ``upload_file_chunked`` does the whole sequence from a path or bytes.
"""

from __future__ import annotations

import builtins
import io
import logging
import os
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import overload

from typing_extensions import Unpack

from ..._resource import CallOptions, SyncAPIResource, make_options
from ..._types import NotGiven, Omit, omit
from ..._utils import path_param, strip_not_given
from ...types import FilePurpose, Upload, upload_create_params
from .parts import Parts

__all__ = ["DEFAULT_PART_SIZE", "Uploads"]

DEFAULT_PART_SIZE = 64 * 1024 * 1024
"""The part size ``upload_file_chunked`` uses by default (64 MB, the API's maximum), as openai's."""

log = logging.getLogger("cacheai.uploads")


class Uploads(SyncAPIResource):
    @cached_property
    def parts(self) -> Parts:
        """The parts of an upload (``create``)."""
        return Parts(self._client)

    @overload
    def upload_file_chunked(
        self,
        *,
        file: os.PathLike[str],
        mime_type: str,
        purpose: FilePurpose,
        bytes: int | None = None,
        part_size: int | None = None,
        md5: str | Omit | NotGiven = omit,
    ) -> Upload: ...

    @overload
    def upload_file_chunked(
        self,
        *,
        file: builtins.bytes,
        filename: str,
        bytes: int,
        mime_type: str,
        purpose: FilePurpose,
        part_size: int | None = None,
        md5: str | Omit | NotGiven = omit,
    ) -> Upload: ...

    def upload_file_chunked(
        self,
        *,
        file: os.PathLike[str] | builtins.bytes,
        mime_type: str,
        purpose: FilePurpose,
        filename: str | None = None,
        bytes: int | None = None,
        part_size: int | None = None,
        md5: str | Omit | NotGiven = omit,
    ) -> Upload:
        """Upload ``file`` (a path, or bytes with ``filename`` and ``bytes``) in parts of ``part_size`` bytes
        (default 64 MB), one after the other, then complete it; the result's ``file`` is the new file.

        The file is read one part at a time, so a file larger than memory works.
        """
        if isinstance(file, builtins.bytes):
            if filename is None:
                raise TypeError("The `filename` argument must be given for in-memory files")
            if bytes is None:
                raise TypeError("The `bytes` argument must be given for in-memory files")
        else:
            path = Path(file)
            filename = filename or path.name
            if bytes is None:
                bytes = path.stat().st_size
        upload = self.create(bytes=bytes, filename=filename, mime_type=mime_type, purpose=purpose)
        size = DEFAULT_PART_SIZE if part_size is None else part_size
        part_ids: list[str] = []
        with io.BytesIO(file) if isinstance(file, builtins.bytes) else open(file, "rb") as source:
            while data := source.read(size):
                part = self.parts.create(upload.id, data=data)
                log.info("Uploaded part %s for upload %s", part.id, upload.id)
                part_ids.append(part.id)
        return self.complete(upload.id, part_ids=part_ids, md5=md5)

    def create(
        self,
        *,
        bytes: int,
        filename: str,
        mime_type: str,
        purpose: FilePurpose,
        expires_after: upload_create_params.ExpiresAfter | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> Upload:
        """Start an upload of ``bytes`` bytes; send its parts with ``parts.create``, then ``complete`` it."""
        body = strip_not_given(
            {
                "bytes": bytes,
                "filename": filename,
                "mime_type": mime_type,
                "purpose": purpose,
                "expires_after": expires_after,
            }
        )
        return self._client.request(  # type: ignore[no-any-return]
            Upload, make_options("POST", "uploads", body=body, **options)
        )

    def cancel(
        self,
        upload_id: str,
        **options: Unpack[CallOptions],
    ) -> Upload:
        """Cancel an upload: no part can be added to it any more."""
        return self._client.request(  # type: ignore[no-any-return]
            Upload, make_options("POST", f"uploads/{path_param('upload_id', upload_id)}/cancel", **options)
        )

    def complete(
        self,
        upload_id: str,
        *,
        part_ids: Sequence[str],
        md5: str | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> Upload:
        """Finish an upload: its parts, in ``part_ids`` order, become one file (``Upload.file``)."""
        return self._client.request(  # type: ignore[no-any-return]
            Upload,
            make_options(
                "POST",
                f"uploads/{path_param('upload_id', upload_id)}/complete",
                body=strip_not_given({"part_ids": part_ids, "md5": md5}),
                **options,
            ),
        )
