"""API types mirroring `openai.types.responses.response_output_text`."""

from typing import Annotated, Literal, TypeAlias

from pydantic import Field

from ..._models import BaseModel

__all__ = [
    "Annotation",
    "AnnotationContainerFileCitation",
    "AnnotationFileCitation",
    "AnnotationFilePath",
    "AnnotationURLCitation",
    "Logprob",
    "LogprobTopLogprob",
    "ResponseOutputText",
]


class AnnotationFileCitation(BaseModel):
    file_id: str
    filename: str
    index: int
    type: Literal["file_citation"]


class AnnotationURLCitation(BaseModel):
    end_index: int
    start_index: int
    title: str
    type: Literal["url_citation"]
    url: str


class AnnotationContainerFileCitation(BaseModel):
    container_id: str
    end_index: int
    file_id: str
    filename: str
    start_index: int
    type: Literal["container_file_citation"]


class AnnotationFilePath(BaseModel):
    file_id: str
    index: int
    type: Literal["file_path"]


Annotation: TypeAlias = Annotated[
    AnnotationFileCitation | AnnotationURLCitation | AnnotationContainerFileCitation | AnnotationFilePath,
    Field(discriminator="type"),
]


class LogprobTopLogprob(BaseModel):
    token: str
    bytes: list[int]
    logprob: float


class Logprob(BaseModel):
    token: str
    bytes: list[int]
    logprob: float
    top_logprobs: list[LogprobTopLogprob]


class ResponseOutputText(BaseModel):
    """A text part of an output message."""

    annotations: list[Annotation]
    text: str
    type: Literal["output_text"]
    logprobs: list[Logprob] | None = None
