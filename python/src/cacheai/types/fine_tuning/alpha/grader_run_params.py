"""API types mirroring `openai.types.fine_tuning.alpha.grader_run_params`."""

from typing import TypeAlias

from typing_extensions import Required, TypedDict

from ...graders.multi_grader_param import MultiGraderParam
from ...graders.python_grader_param import PythonGraderParam
from ...graders.score_model_grader_param import ScoreModelGraderParam
from ...graders.string_check_grader_param import StringCheckGraderParam
from ...graders.text_similarity_grader_param import TextSimilarityGraderParam

__all__ = ["Grader", "GraderRunParams"]


Grader: TypeAlias = (
    StringCheckGraderParam | TextSimilarityGraderParam | PythonGraderParam | ScoreModelGraderParam | MultiGraderParam
)


class GraderRunParams(TypedDict, total=False):
    grader: Required[Grader]
    model_sample: Required[str]
    item: object
