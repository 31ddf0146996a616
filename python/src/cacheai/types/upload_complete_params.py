"""API types mirroring `openai.types.upload_complete_params`."""

from collections.abc import Sequence

from typing_extensions import Required, TypedDict

__all__ = ["UploadCompleteParams"]


class UploadCompleteParams(TypedDict, total=False):
    part_ids: Required[Sequence[str]]
    md5: str
