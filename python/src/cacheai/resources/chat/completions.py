"""``client.chat.completions``: ``POST /chat/completions`` and the stored-completion methods."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from typing_extensions import Required, Unpack

from ..._params import check_params
from ..._resource import CallOptions, SyncAPIResource, make_options, split_call_options
from ..._streaming import Stream
from ..._types import NotGiven, Omit, omit
from ..._utils import json_array, path_param, strip_not_given
from ...types.chat import ChatCompletion, ChatCompletionChunk, ChatCompletionDeleted

if TYPE_CHECKING:
    from ..._pagination import SyncCursorPage
    from ...lib.streaming.chat import ChatCompletionStreamManager
    from ...types.chat import (
        ChatCompletionAudioParam,
        ChatCompletionMessageParam,
        ChatCompletionPredictionContentParam,
        ChatCompletionStoreMessage,
        ChatCompletionStreamOptionsParam,
        ChatCompletionToolChoiceOptionParam,
        ChatCompletionToolUnionParam,
        ParsedChatCompletion,
    )

__all__ = ["ChatCompletionCreateParams", "ChatCompletionRequestParams", "Completions"]

ResponseFormatT = TypeVar("ResponseFormatT")


class ChatCompletionRequestParams(CallOptions, total=False):
    """The keyword arguments ``chat.completions.create``, ``parse`` and ``stream`` share (the reference openai's
    set, ``response_format`` and ``stream`` left out: each method types them its own way)."""

    messages: Required[Iterable[ChatCompletionMessageParam]]
    model: Required[str]
    audio: ChatCompletionAudioParam | Omit | NotGiven | None
    frequency_penalty: float | Omit | NotGiven | None
    function_call: str | dict[str, Any] | Omit | NotGiven
    functions: Iterable[dict[str, Any]] | Omit | NotGiven
    logit_bias: dict[str, int] | Omit | NotGiven | None
    logprobs: bool | Omit | NotGiven | None
    max_completion_tokens: int | Omit | NotGiven | None
    max_tokens: int | Omit | NotGiven | None
    metadata: dict[str, str] | Omit | NotGiven | None
    modalities: list[Literal["text", "audio"]] | Omit | NotGiven | None
    moderation: dict[str, Any] | Omit | NotGiven | None
    n: int | Omit | NotGiven | None
    parallel_tool_calls: bool | Omit | NotGiven
    prediction: ChatCompletionPredictionContentParam | Omit | NotGiven | None
    presence_penalty: float | Omit | NotGiven | None
    prompt_cache_key: str | Omit | NotGiven | None
    prompt_cache_options: dict[str, Any] | Omit | NotGiven
    prompt_cache_retention: Literal["in_memory", "24h"] | Omit | NotGiven | None
    reasoning_effort: str | Omit | NotGiven | None
    safety_identifier: str | Omit | NotGiven | None
    seed: int | Omit | NotGiven | None
    service_tier: Literal["auto", "default", "flex", "scale", "priority", "fast"] | Omit | NotGiven | None
    stop: str | list[str] | Omit | NotGiven | None
    store: bool | Omit | NotGiven | None
    stream_options: ChatCompletionStreamOptionsParam | Omit | NotGiven | None
    temperature: float | Omit | NotGiven | None
    tool_choice: ChatCompletionToolChoiceOptionParam | Omit | NotGiven
    tools: Iterable[ChatCompletionToolUnionParam] | Omit | NotGiven
    top_logprobs: int | Omit | NotGiven | None
    top_p: float | Omit | NotGiven | None
    user: str | Omit | NotGiven
    verbosity: Literal["low", "medium", "high"] | Omit | NotGiven | None
    web_search_options: dict[str, Any] | Omit | NotGiven


class ChatCompletionCreateParams(ChatCompletionRequestParams, total=False):
    """The keyword arguments of ``chat.completions.create`` other than ``stream`` (the reference openai's set)."""

    response_format: dict[str, Any] | Omit | NotGiven


_CREATE_PARAMS = frozenset(ChatCompletionCreateParams.__annotations__)  # (stream is a named parameter of create)
_HELPER_PARAMS = frozenset(ChatCompletionRequestParams.__annotations__)
_REQUIRED = ("messages", "model")
_ARRAY_PARAMS = ("messages", "tools", "functions")  # openai's Iterable parameters (modalities is a List)
_MISSING_MESSAGE = (
    "Missing required arguments; Expected either ('messages' and 'model') or "
    "('messages', 'model' and 'stream') arguments to be given"
)


class Completions(SyncAPIResource):
    """Chat completions: ``create`` (plain or streamed), and the stored completions of ``store=True``."""

    @overload
    def create(
        self,
        *,
        stream: Literal[False] | Omit | NotGiven | None = ...,
        **params: Unpack[ChatCompletionCreateParams],
    ) -> ChatCompletion: ...

    @overload
    def create(
        self, *, stream: Literal[True], **params: Unpack[ChatCompletionCreateParams]
    ) -> Stream[ChatCompletionChunk]: ...

    @overload
    def create(
        self, *, stream: bool, **params: Unpack[ChatCompletionCreateParams]
    ) -> ChatCompletion | Stream[ChatCompletionChunk]: ...

    def create(
        self, *, stream: bool | Omit | NotGiven | None = omit, **params: Any
    ) -> ChatCompletion | Stream[ChatCompletionChunk]:
        """Create a model response for a conversation; with ``stream=True``, a ``Stream`` of chunks.

        Takes every parameter of openai's ``chat.completions.create`` (``messages`` and ``model`` required),
        plus ``extra_headers``, ``extra_query``, ``extra_body`` and ``timeout`` for this call.
        """
        check_params("create", params, _CREATE_PARAMS, _REQUIRED, _MISSING_MESSAGE)
        _reject_model_class(params.get("response_format"))
        options = split_call_options(params)
        body = strip_not_given(params)
        if not isinstance(stream, (Omit, NotGiven)):
            body["stream"] = stream
        for name in _ARRAY_PARAMS:
            if name in body:
                body[name] = json_array(body[name])  # generators and tuples are sent as JSON arrays
        streaming = stream is True
        return self._client.request(  # type: ignore[no-any-return]
            ChatCompletion,
            make_options(
                "POST",
                "chat/completions",
                body=body,
                **options,
            ),
            stream=streaming,
            stream_item=ChatCompletionChunk,
        )

    def parse(
        self,
        *,
        response_format: type[ResponseFormatT] | Omit = omit,
        **params: Unpack[ChatCompletionRequestParams],
    ) -> ParsedChatCompletion[ResponseFormatT]:
        """Like ``create``, with ``response_format=`` a pydantic model (sent as its strict JSON schema) and
        strict function tools (e.g. ``cacheai.pydantic_function_tool(Model)``); gives ``message.parsed`` and
        each tool call's ``parsed_arguments``. Raises ``LengthFinishReasonError``/``ContentFilterFinishReasonError``
        when the answer was cut short.
        """
        from ...lib._parsing._completions import parse_chat_completion, validate_input_tools

        if "stream" in params:
            raise TypeError("parse() got an unexpected keyword argument 'stream'; use stream() to stream")
        check_params("parse", params, _HELPER_PARAMS, _REQUIRED, _MISSING_MESSAGE)
        tools = validate_input_tools(params.get("tools", omit))
        completion = self.create(**_wire_params(dict(params), response_format, tools), stream=False)
        return parse_chat_completion(completion, response_format, tools)

    def stream(
        self,
        *,
        response_format: dict[str, Any] | type[ResponseFormatT] | Omit = omit,
        **params: Unpack[ChatCompletionRequestParams],
    ) -> ChatCompletionStreamManager[ResponseFormatT]:
        """A context manager streaming the completion as openai's events (``content.delta``, ``content.done``,
        ``refusal.*``, ``tool_calls.function.arguments.*``, ``chunk``), with ``get_final_completion()``.
        """
        from ...lib.streaming.chat import ChatCompletionStreamManager

        check_params("stream", params, _HELPER_PARAMS, _REQUIRED, _MISSING_MESSAGE)
        tools: Any = params.get("tools", omit)
        if not isinstance(tools, (Omit, NotGiven)):
            tools = list(tools)
        wire = _wire_params(dict(params), response_format, tools)
        return ChatCompletionStreamManager(
            lambda: self.create(**wire, stream=True),
            response_format=response_format,
            input_tools=tools,
        )

    def retrieve(
        self,
        completion_id: str,
        **options: Unpack[CallOptions],
    ) -> ChatCompletion:
        """A stored chat completion (one created with ``store=True``)."""
        path = f"chat/completions/{path_param('completion_id', completion_id)}"
        return self._client.request(  # type: ignore[no-any-return]
            ChatCompletion,
            make_options(
                "GET",
                path,
                **options,
            ),
        )

    def update(
        self,
        completion_id: str,
        *,
        metadata: dict[str, str] | None,
        **options: Unpack[CallOptions],
    ) -> ChatCompletion:
        """Replace the metadata of a stored chat completion."""
        path = f"chat/completions/{path_param('completion_id', completion_id)}"
        return self._client.request(  # type: ignore[no-any-return]
            ChatCompletion,
            make_options(
                "POST",
                path,
                body={"metadata": metadata},
                **options,
            ),
        )

    def list(
        self,
        *,
        after: str | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        metadata: dict[str, str] | Omit | NotGiven | None = omit,
        model: str | Omit | NotGiven = omit,
        order: Literal["asc", "desc"] | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncCursorPage[ChatCompletion]:
        """Stored chat completions, as an auto-paginating cursor page."""
        from ..._pagination import SyncCursorPage

        query = strip_not_given({"after": after, "limit": limit, "metadata": metadata, "model": model, "order": order})
        return self._client.get_page(
            SyncCursorPage[ChatCompletion],
            make_options(
                "GET",
                "chat/completions",
                params=query,
                **options,
            ),
        )

    def delete(
        self,
        completion_id: str,
        **options: Unpack[CallOptions],
    ) -> ChatCompletionDeleted:
        """Delete a stored chat completion."""
        path = f"chat/completions/{path_param('completion_id', completion_id)}"
        return self._client.request(  # type: ignore[no-any-return]
            ChatCompletionDeleted,
            make_options(
                "DELETE",
                path,
                **options,
            ),
        )

    @property
    def messages(self) -> Messages:
        return Messages(self._client)


class Messages(SyncAPIResource):
    """``client.chat.completions.messages``: the messages of a stored chat completion."""

    def list(
        self,
        completion_id: str,
        *,
        after: str | Omit | NotGiven = omit,
        limit: int | Omit | NotGiven = omit,
        order: Literal["asc", "desc"] | Omit | NotGiven = omit,
        **options: Unpack[CallOptions],
    ) -> SyncCursorPage[ChatCompletionStoreMessage]:
        from ..._pagination import SyncCursorPage
        from ...types.chat import ChatCompletionStoreMessage

        path = f"chat/completions/{path_param('completion_id', completion_id)}/messages"
        query = strip_not_given({"after": after, "limit": limit, "order": order})
        return self._client.get_page(
            SyncCursorPage[ChatCompletionStoreMessage],
            make_options(
                "GET",
                path,
                params=query,
                **options,
            ),
        )


def _wire_params(params: dict[str, Any], response_format: object, tools: Any) -> Any:
    """``create``'s keyword arguments for a ``parse``/``stream`` call: the model class turned into its JSON
    schema ``response_format``, the tools as validated."""
    from ...lib._parsing._completions import type_to_response_format_param

    if not isinstance(response_format, (Omit, NotGiven)):
        params["response_format"] = type_to_response_format_param(response_format)
    if "tools" in params:
        params["tools"] = tools
    return params


def _reject_model_class(response_format: object) -> None:
    import pydantic

    if isinstance(response_format, type) and issubclass(response_format, pydantic.BaseModel):
        raise TypeError(
            "You tried to pass a `BaseModel` class to `chat.completions.create()`; pass a JSON schema "
            "response_format dict instead, e.g. {'type': 'json_schema', 'json_schema': {'name': ..., "
            "'schema': Model.model_json_schema()}}"
        )
