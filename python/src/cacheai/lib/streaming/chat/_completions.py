"""The chat stream helper: accumulates chunks in place into one snapshot and yields openai's events.

The snapshot's strings grow in place and events are built without validation, so a chunk costs little more
than in a plain ``create(stream=True)`` loop (see benchmarks).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any, Generic, TypeVar

from pydantic_core import from_json

from ...._exceptions import ContentFilterFinishReasonError, LengthFinishReasonError
from ...._models import BaseModel
from ...._streaming import Stream
from ...._types import NotGiven, Omit
from ....types.chat import (
    ChatCompletion,
    ChatCompletionChunk,
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
    ParsedChoice,
    ParsedFunction,
    ParsedFunctionToolCall,
)
from ....types.chat.chat_completion import ChoiceLogprobs
from ..._parsing._completions import (
    has_rich_response_format,
    parse_chat_completion,
    parse_content,
    parse_function_tool_arguments,
)
from ..._tools import PydanticFunctionTool
from ._events import (
    ChatCompletionStreamEvent,
    ChunkEvent,
    ContentDeltaEvent,
    ContentDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
    LogprobsContentDeltaEvent,
    LogprobsContentDoneEvent,
    LogprobsRefusalDeltaEvent,
    LogprobsRefusalDoneEvent,
    RefusalDeltaEvent,
    RefusalDoneEvent,
)

__all__ = ["ChatCompletionStream", "ChatCompletionStreamManager", "ChatCompletionStreamState"]

ResponseFormatT = TypeVar("ResponseFormatT")
_E = TypeVar("_E", bound=BaseModel)


class ChatCompletionStreamState(Generic[ResponseFormatT]):
    """Accumulates ``ChatCompletionChunk``s into a parsed completion, giving the events of each chunk."""

    def __init__(self, *, response_format: Any = None, input_tools: Any = None) -> None:
        self._response_format = response_format
        self._rich = has_rich_response_format(response_format)
        self._tools: list[Any] = (
            list(input_tools) if input_tools and not isinstance(input_tools, (Omit, NotGiven)) else []
        )
        self._parseable = self._rich or any(_is_parseable(tool) for tool in self._tools)
        self._strict_names = {
            t["function"]["name"] for t in self._tools if t.get("type") == "function" and t["function"].get("strict")
        }
        self._snapshot: ParsedChatCompletion[object] | None = None
        self._choices: dict[int, _ChoiceState] = {}

    def current_completion_snapshot(self) -> ParsedChatCompletion[object]:
        if self._snapshot is None:
            raise RuntimeError("No chunk has been received yet")
        return self._snapshot

    def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The accumulated completion, parsed (``message.parsed``, ``parsed_arguments``)."""
        completion = ChatCompletion.model_construct(**dict(self.current_completion_snapshot()))
        return parse_chat_completion(completion, self._response_format, self._tools)

    def handle_chunk(self, chunk: ChatCompletionChunk) -> list[ChatCompletionStreamEvent[ResponseFormatT]]:
        """Fold ``chunk`` into the snapshot; the events it gives, in openai's order."""
        snapshot = self._snapshot
        if snapshot is None:
            snapshot = self._snapshot = ParsedChatCompletion[object].model_construct(
                id=chunk.id,
                choices=[],
                created=chunk.created,
                model=chunk.model,
                object="chat.completion",
                service_tier=chunk.service_tier,
                system_fingerprint=None,
                usage=None,
            )
        events: list[Any] = [_event(ChunkEvent, type="chunk", chunk=chunk, snapshot=snapshot)]
        for choice in chunk.choices:
            state = self._choices.get(choice.index)
            if state is None:
                state = self._choices[choice.index] = _ChoiceState(choice.index)
                snapshot.choices.append(state.snapshot)
            self._fold(state, choice, events)
        snapshot.__dict__["usage"] = chunk.usage
        snapshot.__dict__["system_fingerprint"] = chunk.system_fingerprint
        return events

    def _fold(self, state: _ChoiceState, choice: Any, events: list[Any]) -> None:
        delta, choice_snapshot = choice.delta, state.snapshot
        message = choice_snapshot.message
        fields = message.__dict__  # written directly: the values are already the declared types
        if delta.content is not None:
            fields["content"] = (message.content or "") + delta.content
        if delta.refusal is not None:
            fields["refusal"] = (message.refusal or "") + delta.refusal
        for call in delta.tool_calls or []:
            calls = message.tool_calls
            if calls is None:
                calls = message.tool_calls = []
            function = call.function
            if call.index >= len(calls):
                calls.append(
                    ParsedFunctionToolCall.model_construct(
                        id=call.id or "",
                        index=call.index,  # kept as openai keeps it (an extra field)
                        type="function",
                        function=ParsedFunction.model_construct(
                            name=(function.name if function else None) or "",
                            arguments=(function.arguments if function else None) or "",
                            parsed_arguments=None,
                        ),
                    )
                )
            elif function is not None and function.arguments:
                calls[call.index].function.arguments += function.arguments
        if choice.finish_reason:
            choice_snapshot.finish_reason = choice.finish_reason
            if self._parseable and choice.finish_reason == "length":
                raise LengthFinishReasonError(completion=self._snapshot)
            if self._parseable and choice.finish_reason == "content_filter":
                raise ContentFilterFinishReasonError(completion=self._snapshot)
        if self._rich and message.content and not message.refusal and message.content.lstrip():
            message.parsed = from_json(message.content, allow_partial=True)
        for call in delta.tool_calls or []:
            snapshot_call = message.tool_calls[call.index]  # type: ignore[index]
            if snapshot_call.function.name in self._strict_names and snapshot_call.function.arguments:
                snapshot_call.function.parsed_arguments = from_json(
                    snapshot_call.function.arguments, allow_partial=True
                )
        logprobs = choice.logprobs
        if logprobs is not None:
            if choice_snapshot.logprobs is None:
                choice_snapshot.logprobs = ChoiceLogprobs.model_construct(
                    content=list(logprobs.content) if logprobs.content is not None else None,
                    refusal=list(logprobs.refusal) if logprobs.refusal is not None else None,
                )
            else:
                for name in ("content", "refusal"):
                    new = getattr(logprobs, name)
                    if new:
                        old = getattr(choice_snapshot.logprobs, name)
                        setattr(choice_snapshot.logprobs, name, [*(old or []), *new])
        # events
        if delta.content is not None:
            events.append(
                _event(
                    ContentDeltaEvent,
                    type="content.delta",
                    delta=delta.content,
                    snapshot=message.content or "",
                    parsed=message.parsed,
                )
            )
        if delta.refusal is not None:
            events.append(
                _event(RefusalDeltaEvent, type="refusal.delta", delta=delta.refusal, snapshot=message.refusal or "")
            )
        for call in delta.tool_calls or []:
            snapshot_call = message.tool_calls[call.index]  # type: ignore[index]
            events.append(
                _event(
                    FunctionToolCallArgumentsDeltaEvent,
                    type="tool_calls.function.arguments.delta",
                    name=snapshot_call.function.name,
                    index=call.index,
                    arguments=snapshot_call.function.arguments,
                    parsed_arguments=snapshot_call.function.parsed_arguments,
                    arguments_delta=(call.function.arguments if call.function else None) or "",
                )
            )
        if logprobs is not None and choice_snapshot.logprobs is not None:
            if logprobs.content and choice_snapshot.logprobs.content:
                events.append(
                    _event(
                        LogprobsContentDeltaEvent,
                        type="logprobs.content.delta",
                        content=logprobs.content,
                        snapshot=choice_snapshot.logprobs.content,
                    )
                )
            if logprobs.refusal and choice_snapshot.logprobs.refusal:
                events.append(
                    _event(
                        LogprobsRefusalDeltaEvent,
                        type="logprobs.refusal.delta",
                        refusal=logprobs.refusal,
                        snapshot=choice_snapshot.logprobs.refusal,
                    )
                )
        self._done_events(state, choice, events)

    def _done_events(self, state: _ChoiceState, choice: Any, events: list[Any]) -> None:
        if state.snapshot.finish_reason:
            self._content_done(state, events)
            if state.current_tool is not None:
                self._tool_done(state, state.current_tool, events)
        for call in choice.delta.tool_calls or []:
            if state.current_tool != call.index:
                self._content_done(state, events)
                if state.current_tool is not None:
                    self._tool_done(state, state.current_tool, events)
            state.current_tool = call.index

    def _content_done(self, state: _ChoiceState, events: list[Any]) -> None:
        choice_snapshot = state.snapshot
        message = choice_snapshot.message
        if message.content and not state.content_done:
            state.content_done = True
            parsed = None
            if self._rich and not message.refusal:
                parsed = parse_content(self._response_format, message.content)
            message.parsed = parsed
            events.append(_event(ContentDoneEvent, type="content.done", content=message.content, parsed=parsed))
        if message.refusal is not None and not state.refusal_done:
            state.refusal_done = True
            events.append(_event(RefusalDoneEvent, type="refusal.done", refusal=message.refusal))
        logprobs = choice_snapshot.logprobs
        if logprobs is not None and logprobs.content is not None and not state.logprobs_content_done:
            state.logprobs_content_done = True
            events.append(_event(LogprobsContentDoneEvent, type="logprobs.content.done", content=logprobs.content))
        if logprobs is not None and logprobs.refusal is not None and not state.logprobs_refusal_done:
            state.logprobs_refusal_done = True
            events.append(_event(LogprobsRefusalDoneEvent, type="logprobs.refusal.done", refusal=logprobs.refusal))

    def _tool_done(self, state: _ChoiceState, index: int, events: list[Any]) -> None:
        if index in state.done_tools:
            return
        state.done_tools.add(index)
        function = state.snapshot.message.tool_calls[index].function  # type: ignore[index]
        function.parsed_arguments = parse_function_tool_arguments(self._tools, function.name, function.arguments)
        events.append(
            _event(
                FunctionToolCallArgumentsDoneEvent,
                type="tool_calls.function.arguments.done",
                index=index,
                name=function.name,
                arguments=function.arguments,
                parsed_arguments=function.parsed_arguments,
            )
        )


def _event(cls: type[_E], **fields: Any) -> _E:
    """An event built without validation or conversion: its fields are already the right types."""
    event = object.__new__(cls)
    object.__setattr__(event, "__dict__", fields)
    object.__setattr__(event, "__pydantic_fields_set__", set(fields))
    object.__setattr__(event, "__pydantic_extra__", {})
    object.__setattr__(event, "__pydantic_private__", None)
    return event


class _ChoiceState:
    __slots__ = (
        "content_done",
        "current_tool",
        "done_tools",
        "logprobs_content_done",
        "logprobs_refusal_done",
        "refusal_done",
        "snapshot",
    )

    def __init__(self, index: int) -> None:
        message = ParsedChatCompletionMessage[object].model_construct(
            role="assistant", content=None, refusal=None, tool_calls=None, parsed=None
        )
        self.snapshot = ParsedChoice[object].model_construct(
            index=index,
            finish_reason=None,  # type: ignore[arg-type]  # set by the last chunk
            logprobs=None,
            message=message,
        )
        self.content_done = self.refusal_done = False
        self.logprobs_content_done = self.logprobs_refusal_done = False
        self.current_tool: int | None = None
        self.done_tools: set[int] = set()


def _is_parseable(tool: Any) -> bool:
    if tool.get("type") != "function":
        return False
    function = tool.get("function")
    return isinstance(function, PydanticFunctionTool) or bool(function.get("strict"))


class ChatCompletionStream(Generic[ResponseFormatT]):
    """Iterate for events; ``get_final_completion()`` for the parsed completion; ``until_done()`` to drain."""

    def __init__(self, *, raw_stream: Stream[ChatCompletionChunk], response_format: Any, input_tools: Any) -> None:
        self._raw_stream = raw_stream
        self.response = getattr(raw_stream, "response", None)
        self._state: ChatCompletionStreamState[ResponseFormatT] = ChatCompletionStreamState(
            response_format=response_format, input_tools=input_tools
        )
        self._iterator = self.__stream__()

    def __next__(self) -> ChatCompletionStreamEvent[ResponseFormatT]:
        return next(self._iterator)

    def __iter__(self) -> Iterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        return self._iterator

    def __enter__(self) -> ChatCompletionStream[ResponseFormatT]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP response (done for you when the ``with`` block ends)."""
        self._raw_stream.close()

    def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """Read the rest of the stream; the whole completion, parsed."""
        self.until_done()
        return self._state.get_final_completion()

    def until_done(self) -> ChatCompletionStream[ResponseFormatT]:
        """Read the stream to its end."""
        for _ in self._iterator:
            pass
        return self

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletion[object]:
        return self._state.current_completion_snapshot()

    def __stream__(self) -> Iterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        handle = self._state.handle_chunk
        for chunk in self._raw_stream:
            yield from handle(chunk)


class ChatCompletionStreamManager(Generic[ResponseFormatT]):
    """What ``chat.completions.stream()`` returns: the request is sent when the ``with`` block is entered."""

    def __init__(
        self, api_request: Callable[[], Stream[ChatCompletionChunk]], *, response_format: Any, input_tools: Any
    ) -> None:
        self._api_request = api_request
        self._response_format = response_format
        self._input_tools = input_tools
        self._stream: ChatCompletionStream[ResponseFormatT] | None = None

    def __enter__(self) -> ChatCompletionStream[ResponseFormatT]:
        self._stream = ChatCompletionStream(
            raw_stream=self._api_request(), response_format=self._response_format, input_tools=self._input_tools
        )
        return self._stream

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._stream is not None:
            self._stream.close()
