"""API types mirroring `openai.types.graders.label_model_grader_param`."""

from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from ..responses.response_input_audio_param import ResponseInputAudioParam
from ..responses.response_input_text_param import ResponseInputTextParam
from .grader_inputs_param import GraderInputsParamItem

__all__ = ["Input", "InputContent", "InputContentInputImage", "InputContentOutputText", "LabelModelGraderParam"]


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


class LabelModelGraderParam(TypedDict, total=False):
    input: Required[Iterable[Input]]
    labels: Required[Sequence[str]]
    model: Required[str]
    name: Required[str]
    passing_labels: Required[Sequence[str]]
    type: Required[Literal["label_model"]]
