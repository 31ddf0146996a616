"""API types mirroring `openai.types.shared_params.decision_question_input_text`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["DecisionQuestionInputText"]


class DecisionQuestionInputText(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["input_text"]]
