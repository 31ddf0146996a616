"""API types mirroring `openai.types.shared_params.decision_question_input_image`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["DecisionQuestionInputImage"]


class DecisionQuestionInputImage(TypedDict, total=False):
    image_url: Required[str]
    type: Required[Literal["input_image"]]
    detail: Literal["low", "high", "auto", "original"] | None
