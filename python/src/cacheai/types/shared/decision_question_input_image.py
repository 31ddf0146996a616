"""API types mirroring `openai.types.shared.decision_question_input_image`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["DecisionQuestionInputImage"]


class DecisionQuestionInputImage(BaseModel):
    image_url: str
    type: Literal["input_image"]
    detail: Literal["low", "high", "auto", "original"] | None = None
