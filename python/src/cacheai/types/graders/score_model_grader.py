"""API types mirroring `openai.types.graders.score_model_grader`."""

from typing import Literal, TypeAlias

from ..._models import BaseModel
from ..responses.response_input_audio import ResponseInputAudio
from ..responses.response_input_text import ResponseInputText
from ..shared.reasoning_effort import ReasoningEffort
from .grader_inputs import GraderInputItem

__all__ = [
    "Input",
    "InputContent",
    "InputContentInputImage",
    "InputContentOutputText",
    "SamplingParams",
    "ScoreModelGrader",
]


class InputContentOutputText(BaseModel):
    text: str
    type: Literal["output_text"]


class InputContentInputImage(BaseModel):
    image_url: str
    type: Literal["input_image"]
    detail: str | None = None


InputContent: TypeAlias = (
    str
    | ResponseInputText
    | InputContentOutputText
    | InputContentInputImage
    | ResponseInputAudio
    | list[GraderInputItem]
)


class Input(BaseModel):
    content: InputContent
    role: Literal["user", "assistant", "system", "developer"]
    type: Literal["message"] | None = None


class SamplingParams(BaseModel):
    max_completions_tokens: int | None = None
    reasoning_effort: ReasoningEffort | None = None
    seed: int | None = None
    temperature: float | None = None
    top_p: float | None = None


class ScoreModelGrader(BaseModel):
    input: list[Input]
    model: str
    name: str
    type: Literal["score_model"]
    range: list[float] | None = None
    sampling_params: SamplingParams | None = None
