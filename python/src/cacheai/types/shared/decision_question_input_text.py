"""API types mirroring `openai.types.shared.decision_question_input_text`."""

from typing import Literal

from ..._models import BaseModel

__all__ = ["DecisionQuestionInputText"]


class DecisionQuestionInputText(BaseModel):
    text: str
    type: Literal["input_text"]
