"""API types mirroring `openai.types.chat.completion_create_params`."""

from collections.abc import Iterable, Sequence
from typing import Literal, TypeAlias

from typing_extensions import Required, TypedDict

from ..shared.chat_model import ChatModel
from ..shared.reasoning_effort import ReasoningEffort
from ..shared_params.response_format_json_object import ResponseFormatJSONObject
from ..shared_params.response_format_json_schema import ResponseFormatJSONSchema
from ..shared_params.response_format_text import ResponseFormatText
from .chat_completion_audio_param import ChatCompletionAudioParam
from .chat_completion_function_call_option_param import ChatCompletionFunctionCallOptionParam
from .chat_completion_message_param import ChatCompletionMessageParam
from .chat_completion_prediction_content_param import ChatCompletionPredictionContentParam
from .chat_completion_stream_options_param import ChatCompletionStreamOptionsParam
from .chat_completion_tool_choice_option_param import ChatCompletionToolChoiceOptionParam
from .chat_completion_tool_union_param import ChatCompletionToolUnionParam

__all__ = [
    "CompletionCreateParams",
    "CompletionCreateParamsBase",
    "CompletionCreateParamsNonStreaming",
    "CompletionCreateParamsStreaming",
    "Function",
    "FunctionCall",
    "Moderation",
    "ModerationPolicy",
    "ModerationPolicyInput",
    "ModerationPolicyOutput",
    "PromptCacheOptions",
    "ResponseFormat",
    "WebSearchOptions",
    "WebSearchOptionsUserLocation",
    "WebSearchOptionsUserLocationApproximate",
]


class Function(TypedDict, total=False):
    name: Required[str]
    description: str
    parameters: dict[str, object]


class ModerationPolicyInput(TypedDict, total=False):
    mode: Required[Literal["score", "block"]]


class ModerationPolicyOutput(TypedDict, total=False):
    mode: Required[Literal["score", "block"]]


class ModerationPolicy(TypedDict, total=False):
    input: ModerationPolicyInput | None
    output: ModerationPolicyOutput | None


class Moderation(TypedDict, total=False):
    model: Required[str]
    policy: ModerationPolicy | None


class PromptCacheOptions(TypedDict, total=False):
    mode: Literal["implicit", "explicit"]
    ttl: Literal["30m"]


class WebSearchOptionsUserLocationApproximate(TypedDict, total=False):
    city: str
    country: str
    region: str
    timezone: str


class WebSearchOptionsUserLocation(TypedDict, total=False):
    approximate: Required[WebSearchOptionsUserLocationApproximate]
    type: Required[Literal["approximate"]]


class WebSearchOptions(TypedDict, total=False):
    search_context_size: Literal["low", "medium", "high"]
    user_location: WebSearchOptionsUserLocation | None


FunctionCall: TypeAlias = Literal["none", "auto"] | ChatCompletionFunctionCallOptionParam


ResponseFormat: TypeAlias = ResponseFormatText | ResponseFormatJSONSchema | ResponseFormatJSONObject


class CompletionCreateParamsBase(TypedDict, total=False):
    messages: Required[Iterable[ChatCompletionMessageParam]]
    model: Required[str | ChatModel]
    audio: ChatCompletionAudioParam | None
    frequency_penalty: float | None
    function_call: FunctionCall
    functions: Iterable[Function]
    logit_bias: dict[str, int] | None
    logprobs: bool | None
    max_completion_tokens: int | None
    max_tokens: int | None
    metadata: dict[str, str] | None
    modalities: list[Literal["text", "audio"]] | None
    moderation: Moderation | None
    n: int | None
    parallel_tool_calls: bool
    prediction: ChatCompletionPredictionContentParam | None
    presence_penalty: float | None
    prompt_cache_key: str | None
    prompt_cache_options: PromptCacheOptions
    prompt_cache_retention: Literal["in_memory", "24h"] | None
    reasoning_effort: ReasoningEffort | None
    response_format: ResponseFormat
    safety_identifier: str | None
    seed: int | None
    service_tier: Literal["auto", "default", "flex", "scale", "priority", "fast"] | None
    stop: str | Sequence[str] | None
    store: bool | None
    stream_options: ChatCompletionStreamOptionsParam | None
    temperature: float | None
    tool_choice: ChatCompletionToolChoiceOptionParam
    tools: Iterable[ChatCompletionToolUnionParam]
    top_logprobs: int | None
    top_p: float | None
    user: str
    verbosity: Literal["low", "medium", "high"] | None
    web_search_options: WebSearchOptions


class CompletionCreateParamsNonStreaming(CompletionCreateParamsBase, total=False):
    stream: Literal[False] | None


class CompletionCreateParamsStreaming(CompletionCreateParamsBase, total=False):
    stream: Required[Literal[True]]


CompletionCreateParams: TypeAlias = CompletionCreateParamsNonStreaming | CompletionCreateParamsStreaming
