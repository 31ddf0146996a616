"""API types.

Names are imported from their modules on first use, so importing the package is cheap.
"""

from typing import TYPE_CHECKING

from cacheai._lazy import lazy_exports

if TYPE_CHECKING:
    from .grader_inputs import GraderInputs
    from .grader_inputs_param import GraderInputsParam
    from .label_model_grader import LabelModelGrader
    from .label_model_grader_param import LabelModelGraderParam
    from .multi_grader import MultiGrader
    from .multi_grader_param import MultiGraderParam
    from .python_grader import PythonGrader
    from .python_grader_param import PythonGraderParam
    from .score_model_grader import ScoreModelGrader
    from .score_model_grader_param import ScoreModelGraderParam
    from .string_check_grader import StringCheckGrader
    from .string_check_grader_param import StringCheckGraderParam
    from .text_similarity_grader import TextSimilarityGrader
    from .text_similarity_grader_param import TextSimilarityGraderParam

__all__ = [
    "GraderInputs",
    "GraderInputsParam",
    "LabelModelGrader",
    "LabelModelGraderParam",
    "MultiGrader",
    "MultiGraderParam",
    "PythonGrader",
    "PythonGraderParam",
    "ScoreModelGrader",
    "ScoreModelGraderParam",
    "StringCheckGrader",
    "StringCheckGraderParam",
    "TextSimilarityGrader",
    "TextSimilarityGraderParam",
]

_MODULE_OF: dict[str, str] = {
    "GraderInputs": ".grader_inputs",
    "GraderInputsParam": ".grader_inputs_param",
    "LabelModelGrader": ".label_model_grader",
    "LabelModelGraderParam": ".label_model_grader_param",
    "MultiGrader": ".multi_grader",
    "MultiGraderParam": ".multi_grader_param",
    "PythonGrader": ".python_grader",
    "PythonGraderParam": ".python_grader_param",
    "ScoreModelGrader": ".score_model_grader",
    "ScoreModelGraderParam": ".score_model_grader_param",
    "StringCheckGrader": ".string_check_grader",
    "StringCheckGraderParam": ".string_check_grader_param",
    "TextSimilarityGrader": ".text_similarity_grader",
    "TextSimilarityGraderParam": ".text_similarity_grader_param",
}
# Subpackages reachable as attributes (`cacheai.types.chat`), as openai's are.
_SUBPACKAGES: tuple[str, ...] = ()


__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF, _SUBPACKAGES)
