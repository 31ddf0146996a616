"""``client.uploads.parts``: one part (at most 64 MB) of an upload."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._files import FileTypes
from ..._resource import CallOptions, SyncAPIResource, make_options
from ..._utils import path_param
from ...types.uploads import UploadPart

__all__ = ["Parts"]


class Parts(SyncAPIResource):
    def create(
        self,
        upload_id: str,
        *,
        data: FileTypes,
        **options: Unpack[CallOptions],
    ) -> UploadPart:
        """Send one part (bytes, a path, a binary file object or a tuple); parts may be sent in any order."""
        return self._client.request(  # type: ignore[no-any-return]
            UploadPart,
            make_options(
                "POST",
                f"uploads/{path_param('upload_id', upload_id)}/parts",
                body={},
                files=[("data", data)],
                **options,
            ),
        )
