"""``client.completions``: legacy text completions, ``POST /completions``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, overload

from typing_extensions import Required, Unpack

from .._params import check_params
from .._resource import CallOptions, SyncAPIResource, make_options, split_call_options
from .._streaming import Stream
from .._types import NotGiven, Omit, omit
from .._utils import json_array, strip_not_given
from ..types import Completion

if TYPE_CHECKING:
    from ..types.chat import ChatCompletionStreamOptionsParam

__all__ = ["CompletionCreateParams", "Completions"]

Prompt = str | list[str] | Iterable[int] | Iterable[Iterable[int]] | None


class CompletionCreateParams(CallOptions, total=False):
    """The keyword arguments of ``completions.create`` other than ``stream`` (the reference openai's set)."""

    model: Required[str]
    prompt: Required[Prompt]
    best_of: int | Omit | NotGiven | None
    echo: bool | Omit | NotGiven | None
    frequency_penalty: float | Omit | NotGiven | None
    logit_bias: dict[str, int] | Omit | NotGiven | None
    logprobs: int | Omit | NotGiven | None
    max_tokens: int | Omit | NotGiven | None
    n: int | Omit | NotGiven | None
    presence_penalty: float | Omit | NotGiven | None
    seed: int | Omit | NotGiven | None
    stop: str | list[str] | Omit | NotGiven | None
    stream_options: ChatCompletionStreamOptionsParam | Omit | NotGiven | None
    suffix: str | Omit | NotGiven | None
    temperature: float | Omit | NotGiven | None
    top_p: float | Omit | NotGiven | None
    user: str | Omit | NotGiven


_CREATE_PARAMS = frozenset(CompletionCreateParams.__annotations__)  # (stream is a named parameter of create)
_MISSING_MESSAGE = (
    "Missing required arguments; Expected either ('model' and 'prompt') or "
    "('model', 'prompt' and 'stream') arguments to be given"
)


class Completions(SyncAPIResource):
    """Legacy completions: a prompt in, text out (``stream=True`` gives a ``Stream[Completion]``)."""

    @overload
    def create(
        self,
        *,
        stream: Literal[False] | Omit | NotGiven | None = ...,
        **params: Unpack[CompletionCreateParams],
    ) -> Completion: ...

    @overload
    def create(self, *, stream: Literal[True], **params: Unpack[CompletionCreateParams]) -> Stream[Completion]: ...

    @overload
    def create(self, *, stream: bool, **params: Unpack[CompletionCreateParams]) -> Completion | Stream[Completion]: ...

    def create(self, *, stream: bool | Omit | NotGiven | None = omit, **params: Any) -> Completion | Stream[Completion]:
        """Complete ``prompt`` (a string, strings, token ids or lists of token ids) with ``model``."""
        check_params("create", params, _CREATE_PARAMS, ("model", "prompt"), _MISSING_MESSAGE)
        options = split_call_options(params)
        body = strip_not_given(params)
        if "prompt" in body:
            body["prompt"] = json_array(body["prompt"])  # nested iterables are encoded as JSON arrays
        if not isinstance(stream, (Omit, NotGiven)):
            body["stream"] = stream
        return self._client.request(  # type: ignore[no-any-return]
            Completion,
            make_options(
                "POST",
                "completions",
                body=body,
                **options,
            ),
            stream=stream is True,
        )
