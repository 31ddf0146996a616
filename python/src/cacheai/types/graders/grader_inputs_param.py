"""API types mirroring `openai.types.graders.grader_inputs_param`."""

from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from ..responses.response_input_audio_param import ResponseInputAudioParam
from ..responses.response_input_text_param import ResponseInputTextParam

__all__ = [
    "GraderInputsParam",
    "GraderInputsParamItem",
    "GraderInputsParamItemInputImage",
    "GraderInputsParamItemOutputText",
]


class GraderInputsParamItemOutputText(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["output_text"]]


class GraderInputsParamItemInputImage(TypedDict, total=False):
    image_url: Required[str]
    type: Required[Literal["input_image"]]
    detail: str


GraderInputsParamItem: TypeAlias = (
    str
    | ResponseInputTextParam
    | GraderInputsParamItemOutputText
    | GraderInputsParamItemInputImage
    | ResponseInputAudioParam
)


GraderInputsParam: TypeAlias = list[GraderInputsParamItem]
