"""The specification's high-level call: ``generate_response`` and its ``ModelResponse``.

It sits above the resources (it calls ``client.chat.completions.create`` like user code would), so every layer
of the HTTP path (retries, rate limits, cache) applies to it unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pydantic

from ._exceptions import OpenAIError
from ._info import info
from ._types import NOT_GIVEN, NotGiven, Timeout
from ._usage import TokenUsage
from .types.chat import ChatCompletion

if TYPE_CHECKING:
    from ._client import CacheAI

__all__ = ["ModelResponse", "TokenUsage", "generate_response", "messages_from_prompt", "resolve_model"]


class ModelResponse(pydantic.BaseModel):
    """One answer, with what it took: the specification's response model.

    ``content`` is the first choice's text (``None`` for a pure tool-call answer); ``completion`` is the full
    ``ChatCompletion`` it came from (every choice, tool calls, logprobs). ``latency_ms`` includes retries;
    ``cached`` says it came from the response cache (its cost is then 0).
    """

    model_config = pydantic.ConfigDict(arbitrary_types_allowed=True, frozen=True)

    content: str | None
    usage: TokenUsage
    model: str
    request_id: str | None = None
    latency_ms: float = 0.0
    temperature: float | None = None
    finish_reason: str | None = None
    cached: bool = False
    completion: ChatCompletion

    @classmethod
    def from_completion(cls, completion: ChatCompletion, *, temperature: float | None = None) -> ModelResponse:
        """Build from a ``ChatCompletion`` a cacheai client returned (its record supplies timing and cost)."""
        record = info(completion)
        choice = completion.choices[0] if completion.choices else None
        usage = record.usage or TokenUsage(estimated_cost=0.0 if record.cached else None)
        if record.cached and usage.estimated_cost != 0.0:
            usage = usage.model_copy(update={"estimated_cost": 0.0})
        return cls(
            content=choice.message.content if choice is not None else None,
            usage=usage,
            model=completion.model or record.model or "",
            request_id=record.request_id,
            latency_ms=record.latency_ms,
            temperature=temperature,
            finish_reason=choice.finish_reason if choice is not None else None,
            cached=record.cached,
            completion=completion,
        )


def messages_from_prompt(prompt: object) -> list[Mapping[str, Any]]:
    """A prompt string as one user message; a list of message dicts as it is. Anything else is a ``TypeError``."""
    if isinstance(prompt, str):
        return [{"role": "user", "content": prompt}]
    if isinstance(prompt, Sequence) and not isinstance(prompt, (bytes, bytearray)):
        messages = list(prompt)
        if not messages:
            raise ValueError("prompt is an empty list of messages; pass a string or at least one message dict")
        for index, message in enumerate(messages):
            if not isinstance(message, Mapping):
                raise TypeError(
                    f"prompt[{index}] is a {type(message).__name__}; a list prompt must hold message dicts such "
                    "as {'role': 'user', 'content': '...'}"
                )
        return messages
    raise TypeError(f"prompt must be a string or a list of message dicts, not {type(prompt).__name__}")


def resolve_model(client: CacheAI, model: str | None) -> str:
    """``model``, else the client's ``default_model``; a clear error when neither is set."""
    chosen = model or client.default_model
    if not chosen:
        raise OpenAIError(
            "No model given: pass model=..., or set a default with CacheAI(default_model=...) or the "
            "CACHEAI_MODEL environment variable"
        )
    if not isinstance(chosen, str):
        raise TypeError(f"model must be a string, not {type(chosen).__name__}")
    return chosen


def generate_response(
    client: CacheAI,
    prompt: str | Sequence[Mapping[str, Any]],
    *,
    model: str | None = None,
    temperature: float | None = None,
    max_tokens: int | None = None,
    timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
    **create_kwargs: Any,
) -> ModelResponse:
    """See ``CacheAI.generate_response``."""
    if "messages" in create_kwargs:
        raise TypeError("generate_response takes the messages as its prompt argument, not messages=")
    if create_kwargs.get("stream"):
        raise TypeError("generate_response returns a whole answer; use chat.completions.create(stream=True) to stream")
    create_kwargs.pop("stream", None)
    params: dict[str, Any] = dict(create_kwargs)
    if temperature is not None:
        params["temperature"] = temperature
    if max_tokens is not None:
        params["max_tokens"] = max_tokens
    if not isinstance(timeout, NotGiven):
        params["timeout"] = timeout
    completion = client.chat.completions.create(
        messages=messages_from_prompt(prompt),  # type: ignore[arg-type]
        model=resolve_model(client, model),
        **params,
    )
    return ModelResponse.from_completion(completion, temperature=temperature)
