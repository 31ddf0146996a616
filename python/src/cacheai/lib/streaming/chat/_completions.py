"""The chat stream helper: accumulates chunks in place into one snapshot and yields openai's events.

The snapshot's strings grow in place and events are built without validation, so a chunk costs little more
than in a plain ``create(stream=True)`` loop (see benchmarks).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from itertools import chain
from types import TracebackType
from typing import Any, Generic, TypeVar

import pydantic
from pydantic_core import from_json

from ...._exceptions import ContentFilterFinishReasonError, LengthFinishReasonError
from ...._models import BaseModel
from ...._streaming import Stream
from ...._types import NotGiven, Omit, omit
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

    def __init__(self, *, input_tools: Any = omit, response_format: Any = omit) -> None:
        self._response_format = response_format
        self._rich = inspect.isclass(response_format)  # as openai: a dict or None gives no partial parse
        self._tools: list[Any] = (
            list(input_tools) if input_tools and not isinstance(input_tools, (Omit, NotGiven)) else []
        )
        self._parseable = self._rich or any(_is_parseable(tool) for tool in self._tools)
        self._strict_names = {
            t["function"]["name"] for t in self._tools if t.get("type") == "function" and t["function"].get("strict")
        }
        self._snapshot: ParsedChatCompletion[object] | None = None
        self._snapshot_fields: dict[str, Any] = {}  # the snapshot's __dict__, once there is one
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
            snapshot = self._start(chunk)
        # _event(ChunkEvent, ...), inlined: this runs for every chunk. The hot path reads fields from the
        # models' __dict__ (one attribute lookup per model: pydantic's __getattr__ hook makes each costly).
        chunk_fields = chunk.__dict__
        chunk_event = _new(ChunkEvent)
        _set_dict(chunk_event, {"type": "chunk", "chunk": chunk, "snapshot": snapshot})
        fields = self._snapshot_fields  # written directly: the values are already the declared types
        fields["usage"] = chunk_fields["usage"]
        fields["system_fingerprint"] = chunk_fields["system_fingerprint"]
        choices = chunk_fields["choices"]
        if len(choices) == 1:
            # The commonest chunk, a content delta (nothing else) of a started choice: folded with the fewest reads.
            choice = choices[0].__dict__
            delta = choice["delta"].__dict__
            content = delta["content"]
            state = self._choices.get(choice["index"])
            if (
                content is not None
                and state is not None
                and choice["finish_reason"] is None
                and choice["logprobs"] is None
                and delta["refusal"] is None
                and not delta["tool_calls"]
            ):  # (after the choice's finish, its done events are out: none to add, as _fold would find)
                message = state.message_fields
                text = message["content"] = (message["content"] or "") + content
                if self._rich and not message["refusal"] and text.lstrip():
                    message["parsed"] = from_json(text, allow_partial=True)
                delta_event = _new(ContentDeltaEvent)
                _set_dict(
                    delta_event,
                    {"type": "content.delta", "delta": content, "snapshot": text, "parsed": message["parsed"]},
                )
                return [chunk_event, delta_event]
        events: list[Any] = [chunk_event]
        for choice in choices:
            state = self._choices.get(choice.index)
            if state is None:
                state = self._choices[choice.index] = _ChoiceState(choice.index)
                snapshot.choices.append(state.snapshot)
            self._fold(state, choice, events)
        return events

    def _start(self, chunk: ChatCompletionChunk) -> ParsedChatCompletion[object]:
        """The snapshot, from the first chunk."""
        self._snapshot = ParsedChatCompletion[object].model_construct(
            id=chunk.id,
            choices=[],
            created=chunk.created,
            model=chunk.model,
            object="chat.completion",
            service_tier=chunk.service_tier,
            system_fingerprint=None,
            usage=None,
        )
        self._snapshot_fields = self._snapshot.__dict__
        return self._snapshot

    def _fold(self, state: _ChoiceState, choice: Any, events: list[Any]) -> None:
        """Fold one choice's delta into its snapshot and append its events (the per-chunk hot path: each value
        is read once, and the snapshot's fields are written directly, being already the declared types)."""
        delta = choice.delta
        content, refusal, tool_calls = delta.content, delta.refusal, delta.tool_calls
        finish_reason, logprobs = choice.finish_reason, choice.logprobs
        choice_snapshot = state.snapshot
        message = choice_snapshot.message
        fields = message.__dict__
        if content is not None:
            fields["content"] = (fields["content"] or "") + content
        if refusal is not None:
            fields["refusal"] = (fields["refusal"] or "") + refusal
        if tool_calls:
            _fold_tool_calls(message, tool_calls)
        if finish_reason:
            choice_snapshot.__dict__["finish_reason"] = finish_reason
            if self._parseable and finish_reason == "length":
                raise LengthFinishReasonError(completion=self._snapshot)
            if self._parseable and finish_reason == "content_filter":
                raise ContentFilterFinishReasonError(completion=self._snapshot)
        if self._rich and fields["content"] and not fields["refusal"] and fields["content"].lstrip():
            fields["parsed"] = from_json(fields["content"], allow_partial=True)
        if tool_calls:
            for call in tool_calls:
                function = message.tool_calls[call.index].function  # type: ignore[index]
                if function.name in self._strict_names and function.arguments:
                    function.parsed_arguments = from_json(function.arguments, allow_partial=True)
        if logprobs is not None:
            _fold_logprobs(choice_snapshot, logprobs)
        # events
        if content is not None:
            events.append(
                _event(
                    ContentDeltaEvent,
                    {
                        "type": "content.delta",
                        "delta": content,
                        "snapshot": fields["content"] or "",
                        "parsed": fields["parsed"],
                    },
                )
            )
        if refusal is not None:
            events.append(
                _event(RefusalDeltaEvent, {"type": "refusal.delta", "delta": refusal, "snapshot": fields["refusal"]})
            )
        if tool_calls:
            for call in tool_calls:
                function = message.tool_calls[call.index].function  # type: ignore[index]
                events.append(
                    _event(
                        FunctionToolCallArgumentsDeltaEvent,
                        {
                            "type": "tool_calls.function.arguments.delta",
                            "name": function.name,
                            "index": call.index,
                            "arguments": function.arguments,
                            "parsed_arguments": function.parsed_arguments,
                            "arguments_delta": (call.function.arguments if call.function else None) or "",
                        },
                    )
                )
        if logprobs is not None and choice_snapshot.logprobs is not None:
            _logprobs_delta_events(logprobs, choice_snapshot.logprobs, events)
        if tool_calls or choice_snapshot.finish_reason:
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
            events.append(
                _event(ContentDoneEvent, {"type": "content.done", "content": message.content, "parsed": parsed})
            )
        if message.refusal is not None and not state.refusal_done:
            state.refusal_done = True
            events.append(_event(RefusalDoneEvent, {"type": "refusal.done", "refusal": message.refusal}))
        logprobs = choice_snapshot.logprobs
        if logprobs is not None and logprobs.content is not None and not state.logprobs_content_done:
            state.logprobs_content_done = True
            events.append(
                _event(LogprobsContentDoneEvent, {"type": "logprobs.content.done", "content": logprobs.content})
            )
        if logprobs is not None and logprobs.refusal is not None and not state.logprobs_refusal_done:
            state.logprobs_refusal_done = True
            events.append(
                _event(LogprobsRefusalDoneEvent, {"type": "logprobs.refusal.done", "refusal": logprobs.refusal})
            )

    def _tool_done(self, state: _ChoiceState, index: int, events: list[Any]) -> None:
        if index in state.done_tools:
            return
        state.done_tools.add(index)
        function = state.snapshot.message.tool_calls[index].function  # type: ignore[index]
        function.parsed_arguments = parse_function_tool_arguments(self._tools, function.name, function.arguments)
        events.append(
            _event(
                FunctionToolCallArgumentsDoneEvent,
                {
                    "type": "tool_calls.function.arguments.done",
                    "name": function.name,
                    "index": index,
                    "arguments": function.arguments,
                    "parsed_arguments": function.parsed_arguments,
                },
            )
        )


_new = object.__new__
# pydantic's __dict__ slot, set through its descriptor: an event costs an object and its dict, no validation
# (its other slots are filled on first use: see _events._StreamEvent).
_set_dict = pydantic.BaseModel.__dict__["__dict__"].__set__


def _event(cls: type[_E], fields: dict[str, Any]) -> _E:
    """An event built without validation or conversion: its fields are already the right types."""
    event = _new(cls)
    _set_dict(event, fields)
    return event


def _fold_tool_calls(message: Any, tool_calls: list[Any]) -> None:
    """Append new tool calls to the snapshot message, grow the arguments of the ones it has."""
    calls = message.tool_calls
    if calls is None:
        calls = message.tool_calls = []
    for call in tool_calls:
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


def _fold_logprobs(choice_snapshot: Any, logprobs: Any) -> None:
    if choice_snapshot.logprobs is None:
        choice_snapshot.logprobs = ChoiceLogprobs.model_construct(
            content=list(logprobs.content) if logprobs.content is not None else None,
            refusal=list(logprobs.refusal) if logprobs.refusal is not None else None,
        )
        return
    for name in ("content", "refusal"):
        new = getattr(logprobs, name)
        if new:
            old = getattr(choice_snapshot.logprobs, name)
            setattr(choice_snapshot.logprobs, name, [*(old or []), *new])


def _logprobs_delta_events(logprobs: Any, snapshot: Any, events: list[Any]) -> None:
    if logprobs.content and snapshot.content:
        events.append(
            _event(
                LogprobsContentDeltaEvent,
                {"type": "logprobs.content.delta", "content": logprobs.content, "snapshot": snapshot.content},
            )
        )
    if logprobs.refusal and snapshot.refusal:
        events.append(
            _event(
                LogprobsRefusalDeltaEvent,
                {"type": "logprobs.refusal.delta", "refusal": logprobs.refusal, "snapshot": snapshot.refusal},
            )
        )


class _ChoiceState:
    __slots__ = (
        "content_done",
        "current_tool",
        "done_tools",
        "logprobs_content_done",
        "logprobs_refusal_done",
        "message_fields",
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
        self.message_fields = message.__dict__  # the snapshot message's fields, written in place
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
        # Each chunk's events in turn, iterated in C (no generator frame resumed per event).
        return chain.from_iterable(map(self._state.handle_chunk, self._raw_stream))


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
