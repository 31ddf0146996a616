"""API types mirroring `openai.types.chat.chat_completion_message`."""

from typing import Literal

from ..._models import BaseModel
from .chat_completion_audio import ChatCompletionAudio
from .chat_completion_message_tool_call import ChatCompletionMessageToolCallUnion

__all__ = ["Annotation", "AnnotationURLCitation", "ChatCompletionMessage", "FunctionCall"]


class AnnotationURLCitation(BaseModel):
    end_index: int
    start_index: int
    title: str
    url: str


class Annotation(BaseModel):
    type: Literal["url_citation"]
    url_citation: AnnotationURLCitation


class FunctionCall(BaseModel):
    arguments: str
    name: str


class ChatCompletionMessage(BaseModel):
    """The assistant message of a chat completion choice."""

    content: str | None = None
    refusal: str | None = None
    role: Literal["assistant"]
    annotations: list[Annotation] | None = None
    audio: ChatCompletionAudio | None = None
    function_call: FunctionCall | None = None
    tool_calls: list[ChatCompletionMessageToolCallUnion] | None = None
