"""API types mirroring `openai.types.responses.response_output_text_param`."""

from collections.abc import Iterable
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

__all__ = [
    "Annotation",
    "AnnotationContainerFileCitation",
    "AnnotationFileCitation",
    "AnnotationFilePath",
    "AnnotationURLCitation",
    "Logprob",
    "LogprobTopLogprob",
    "ResponseOutputTextParam",
]


class AnnotationFileCitation(TypedDict, total=False):
    file_id: Required[str]
    filename: Required[str]
    index: Required[int]
    type: Required[Literal["file_citation"]]


class AnnotationURLCitation(TypedDict, total=False):
    end_index: Required[int]
    start_index: Required[int]
    title: Required[str]
    type: Required[Literal["url_citation"]]
    url: Required[str]


class AnnotationContainerFileCitation(TypedDict, total=False):
    container_id: Required[str]
    end_index: Required[int]
    file_id: Required[str]
    filename: Required[str]
    start_index: Required[int]
    type: Required[Literal["container_file_citation"]]


class AnnotationFilePath(TypedDict, total=False):
    file_id: Required[str]
    index: Required[int]
    type: Required[Literal["file_path"]]


Annotation: TypeAlias = (
    AnnotationFileCitation | AnnotationURLCitation | AnnotationContainerFileCitation | AnnotationFilePath
)


class LogprobTopLogprob(TypedDict, total=False):
    token: Required[str]
    bytes: Required[Iterable[int]]
    logprob: Required[float]


class Logprob(TypedDict, total=False):
    token: Required[str]
    bytes: Required[Iterable[int]]
    logprob: Required[float]
    top_logprobs: Required[Iterable[LogprobTopLogprob]]


class ResponseOutputTextParam(TypedDict, total=False):
    annotations: Required[Iterable[Annotation]]
    text: Required[str]
    type: Required[Literal["output_text"]]
    logprobs: Iterable[Logprob]
