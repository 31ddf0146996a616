"""API types mirroring `openai.types.fine_tuning.alpha.grader_validate_response`."""

from typing import TypeAlias

from ...._models import BaseModel
from ...graders.multi_grader import MultiGrader
from ...graders.python_grader import PythonGrader
from ...graders.score_model_grader import ScoreModelGrader
from ...graders.string_check_grader import StringCheckGrader
from ...graders.text_similarity_grader import TextSimilarityGrader

__all__ = ["Grader", "GraderValidateResponse"]


Grader: TypeAlias = StringCheckGrader | TextSimilarityGrader | PythonGrader | ScoreModelGrader | MultiGrader


class GraderValidateResponse(BaseModel):
    grader: Grader | None = None
