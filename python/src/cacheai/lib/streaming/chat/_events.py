"""The events of ``chat.completions.stream`` (openai's names, ``type`` values and fields)."""

from typing import Any, Generic, Literal, TypeAlias, TypeVar

import pydantic

from ...._models import BaseModel
from ....types.chat import ChatCompletionChunk, ChatCompletionTokenLogprob
from ._types import ParsedChatCompletionSnapshot

__all__ = [
    "ChatCompletionStreamEvent",
    "ChunkEvent",
    "ContentDeltaEvent",
    "ContentDoneEvent",
    "FunctionToolCallArgumentsDeltaEvent",
    "FunctionToolCallArgumentsDoneEvent",
    "LogprobsContentDeltaEvent",
    "LogprobsContentDoneEvent",
    "LogprobsRefusalDeltaEvent",
    "LogprobsRefusalDoneEvent",
    "RefusalDeltaEvent",
    "RefusalDoneEvent",
]

ResponseFormatT = TypeVar("ResponseFormatT")

_set_slot = object.__setattr__


class _StreamEvent(BaseModel):
    """An event built from its field values alone (``_completions._event``): pydantic's three per-instance slots
    are filled on first use, so the hundreds of events a stream gives per second cost one object and one dict."""

    def __getattr__(self, name: str) -> Any:
        value: Any
        if name == "__pydantic_fields_set__":
            value = set(self.__dict__)  # every field of an event is given
        elif name == "__pydantic_extra__":
            value = {}
        elif name == "__pydantic_private__":
            value = None
        else:
            return pydantic.BaseModel.__getattr__(self, name)  # type: ignore[attr-defined]  # defined outside TYPE_CHECKING
        _set_slot(self, name, value)
        return value


class ChunkEvent(_StreamEvent):
    type: Literal["chunk"]
    chunk: ChatCompletionChunk
    snapshot: ParsedChatCompletionSnapshot


class ContentDeltaEvent(_StreamEvent):
    type: Literal["content.delta"]
    delta: str
    snapshot: str
    parsed: object | None = None
    """The content so far, parsed as partial JSON when a ``response_format`` type was given."""


class ContentDoneEvent(_StreamEvent, Generic[ResponseFormatT]):
    type: Literal["content.done"]
    content: str
    parsed: ResponseFormatT | None = None


class RefusalDeltaEvent(_StreamEvent):
    type: Literal["refusal.delta"]
    delta: str
    snapshot: str


class RefusalDoneEvent(_StreamEvent):
    type: Literal["refusal.done"]
    refusal: str


class FunctionToolCallArgumentsDeltaEvent(_StreamEvent):
    type: Literal["tool_calls.function.arguments.delta"]
    name: str
    index: int
    arguments: str
    parsed_arguments: object
    arguments_delta: str


class FunctionToolCallArgumentsDoneEvent(_StreamEvent):
    type: Literal["tool_calls.function.arguments.done"]
    name: str
    index: int
    arguments: str
    parsed_arguments: object


class LogprobsContentDeltaEvent(_StreamEvent):
    type: Literal["logprobs.content.delta"]
    content: list[ChatCompletionTokenLogprob]
    snapshot: list[ChatCompletionTokenLogprob]


class LogprobsContentDoneEvent(_StreamEvent):
    type: Literal["logprobs.content.done"]
    content: list[ChatCompletionTokenLogprob]


class LogprobsRefusalDeltaEvent(_StreamEvent):
    type: Literal["logprobs.refusal.delta"]
    refusal: list[ChatCompletionTokenLogprob]
    snapshot: list[ChatCompletionTokenLogprob]


class LogprobsRefusalDoneEvent(_StreamEvent):
    type: Literal["logprobs.refusal.done"]
    refusal: list[ChatCompletionTokenLogprob]


ChatCompletionStreamEvent: TypeAlias = (
    ChunkEvent
    | ContentDeltaEvent
    | ContentDoneEvent[ResponseFormatT]
    | RefusalDeltaEvent
    | RefusalDoneEvent
    | FunctionToolCallArgumentsDeltaEvent
    | FunctionToolCallArgumentsDoneEvent
    | LogprobsContentDeltaEvent
    | LogprobsContentDoneEvent
    | LogprobsRefusalDeltaEvent
    | LogprobsRefusalDoneEvent
)
