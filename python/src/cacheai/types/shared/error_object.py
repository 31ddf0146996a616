"""API types mirroring `openai.types.shared.error_object`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["ErrorObject", "Misalignment", "MisalignmentSteer"]


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


class ErrorObject(BaseModel):
    code: str | None = None
    message: str
    param: str | None = None
    type: str
    misalignment: Misalignment | None = None
