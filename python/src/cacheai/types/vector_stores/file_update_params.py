"""API types mirroring `openai.types.vector_stores.file_update_params`."""

from typing_extensions import Required, TypedDict

__all__ = ["FileUpdateParams"]


class FileUpdateParams(TypedDict, total=False):
    vector_store_id: Required[str]
    attributes: Required[dict[str, str | float | bool] | None]
