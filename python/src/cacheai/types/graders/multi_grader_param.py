"""API types mirroring `openai.types.graders.multi_grader_param`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from .label_model_grader_param import LabelModelGraderParam
from .python_grader_param import PythonGraderParam
from .score_model_grader_param import ScoreModelGraderParam
from .string_check_grader_param import StringCheckGraderParam
from .text_similarity_grader_param import TextSimilarityGraderParam

__all__ = ["Graders", "MultiGraderParam"]


Graders: TypeAlias = (
    StringCheckGraderParam
    | TextSimilarityGraderParam
    | PythonGraderParam
    | ScoreModelGraderParam
    | LabelModelGraderParam
)


class MultiGraderParam(TypedDict, total=False):
    calculate_output: Required[str]
    graders: Required[Graders]
    name: Required[str]
    type: Required[Literal["multi"]]
