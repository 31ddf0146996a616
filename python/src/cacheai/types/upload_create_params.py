"""API types mirroring `openai.types.upload_create_params`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["ExpiresAfter", "UploadCreateParams"]


class ExpiresAfter(TypedDict, total=False):
    anchor: Required[Literal["created_at"]]
    seconds: Required[int]


class UploadCreateParams(TypedDict, total=False):
    bytes: Required[int]
    filename: Required[str]
    mime_type: Required[str]
    purpose: Required[Literal["assistants", "batch", "fine-tune", "vision", "user_data", "evals"]]
    expires_after: ExpiresAfter
