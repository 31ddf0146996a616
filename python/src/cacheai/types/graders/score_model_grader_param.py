"""API types mirroring `openai.types.graders.score_model_grader_param`."""

from collections.abc import Iterable
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from ..responses.response_input_audio_param import ResponseInputAudioParam
from ..responses.response_input_text_param import ResponseInputTextParam
from ..shared.reasoning_effort import ReasoningEffort
from .grader_inputs_param import GraderInputsParamItem

__all__ = [
    "Input",
    "InputContent",
    "InputContentInputImage",
    "InputContentOutputText",
    "SamplingParams",
    "ScoreModelGraderParam",
]


class InputContentOutputText(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["output_text"]]


class InputContentInputImage(TypedDict, total=False):
    image_url: Required[str]
    type: Required[Literal["input_image"]]
    detail: str


InputContent: TypeAlias = (
    str
    | ResponseInputTextParam
    | InputContentOutputText
    | InputContentInputImage
    | ResponseInputAudioParam
    | list[GraderInputsParamItem]
)


class Input(TypedDict, total=False):
    content: Required[InputContent]
    role: Required[Literal["user", "assistant", "system", "developer"]]
    type: Literal["message"]


class SamplingParams(TypedDict, total=False):
    max_completions_tokens: int | None
    reasoning_effort: ReasoningEffort | None
    seed: int | None
    temperature: float | None
    top_p: float | None


class ScoreModelGraderParam(TypedDict, total=False):
    input: Required[Iterable[Input]]
    model: Required[str]
    name: Required[str]
    type: Required[Literal["score_model"]]
    range: Iterable[float]
    sampling_params: SamplingParams
