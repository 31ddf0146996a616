"""API types mirroring `openai.types.uploads.part_create_params`."""

from typing_extensions import Required, TypedDict

from ..._files import FileTypes

__all__ = ["PartCreateParams"]


class PartCreateParams(TypedDict, total=False):
    data: Required[FileTypes]
