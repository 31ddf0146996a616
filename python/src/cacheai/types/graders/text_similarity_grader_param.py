"""API types mirroring `openai.types.graders.text_similarity_grader_param`."""

from typing import Literal

from typing_extensions import Required, TypedDict

__all__ = ["TextSimilarityGraderParam"]


class TextSimilarityGraderParam(TypedDict, total=False):
    evaluation_metric: Required[
        Literal[
            "cosine",
            "fuzzy_match",
            "bleu",
            "gleu",
            "meteor",
            "rouge_1",
            "rouge_2",
            "rouge_3",
            "rouge_4",
            "rouge_5",
            "rouge_l",
        ]
    ]
    input: Required[str]
    name: Required[str]
    reference: Required[str]
    type: Required[Literal["text_similarity"]]
