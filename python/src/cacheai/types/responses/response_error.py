"""API types mirroring `openai.types.responses.response_error`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["Misalignment", "MisalignmentSteer", "ResponseError"]


class MisalignmentSteer(BaseModel):
    message: str


class Misalignment(BaseModel):
    detailed_explanation: str | None = None
    error_type: (
        str
        | Literal[
            "potentially_unintended_data_transfer",
            "potentially_unintended_data_access",
            "potentially_unintended_destructive_activity",
            "other",
        ]
        | None
    ) = None
    review_target: str | None = None
    steer: MisalignmentSteer | None = None


class ResponseError(BaseModel):
    code: Literal[
        "server_error",
        "rate_limit_exceeded",
        "invalid_prompt",
        "data_residency_mismatch",
        "bio_policy",
        "misalignment_policy_violation",
        "vector_store_timeout",
        "invalid_image",
        "invalid_image_format",
        "invalid_base64_image",
        "invalid_image_url",
        "image_too_large",
        "image_too_small",
        "image_parse_error",
        "image_content_policy_violation",
        "invalid_image_mode",
        "image_file_too_large",
        "unsupported_image_media_type",
        "empty_image_file",
        "failed_to_download_image",
        "image_file_not_found",
    ]
    message: str
    misalignment: Misalignment | None = None
    param: str | None = None
    type: str | None = None
