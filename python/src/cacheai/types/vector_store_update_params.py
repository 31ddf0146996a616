"""API types mirroring `openai.types.vector_store_update_params`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ExpiresAfter", "VectorStoreUpdateParams"]


class ExpiresAfter(TypedDict, total=False):
    anchor: Required[Literal["last_active_at"]]
    days: Required[int]


class VectorStoreUpdateParams(TypedDict, total=False):
    expires_after: ExpiresAfter | None
    metadata: dict[str, str] | None
    name: str | None
