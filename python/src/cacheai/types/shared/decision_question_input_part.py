"""API types mirroring `openai.types.shared.decision_question_input_part`."""

from typing import Annotated, TypeAlias

from pydantic import Field

from .decision_input_json import DecisionInputJSON
from .decision_question_input_image import DecisionQuestionInputImage
from .decision_question_input_text import DecisionQuestionInputText

__all__ = ["DecisionQuestionInputPart"]


DecisionQuestionInputPart: TypeAlias = Annotated[
    DecisionQuestionInputText | DecisionQuestionInputImage | DecisionInputJSON, Field(discriminator="type")
]
