"""API types mirroring `openai.types.fine_tuning.reinforcement_method`."""

from typing import TypeAlias

from ..._models import BaseModel
from ..graders.multi_grader import MultiGrader
from ..graders.python_grader import PythonGrader
from ..graders.score_model_grader import ScoreModelGrader
from ..graders.string_check_grader import StringCheckGrader
from ..graders.text_similarity_grader import TextSimilarityGrader
from .reinforcement_hyperparameters import ReinforcementHyperparameters

__all__ = ["Grader", "ReinforcementMethod"]


Grader: TypeAlias = StringCheckGrader | TextSimilarityGrader | PythonGrader | ScoreModelGrader | MultiGrader


class ReinforcementMethod(BaseModel):
    grader: Grader
    hyperparameters: ReinforcementHyperparameters | None = None
