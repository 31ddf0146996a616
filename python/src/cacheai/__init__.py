"""cacheai: a fast, synchronous drop-in client for OpenAI and OpenAI-compatible APIs.

Public names are imported on first use (PEP 562), so that importing the package, or its pytest plugin, costs
almost nothing until a client or type is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports
from ._logs import setup_logging as _setup_logging
from ._version import __version__

if TYPE_CHECKING:
    from . import types
    from ._breaker import CircuitBreakerConfig
    from ._client import CacheAI, OpenAI
    from ._compat_types import ChatCompletion, ChatCompletionChunk, ChatMessage, Completion, Model, ModelList
    from ._exceptions import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        CacheAIError,
        CircuitOpenError,
        ConflictError,
        ContentFilterFinishReasonError,
        InternalServerError,
        InvalidWebhookSignatureError,
        LengthFinishReasonError,
        NotFoundError,
        OpenAIError,
        PermissionDeniedError,
        RateLimitError,
        UnprocessableEntityError,
        ValidationError,
    )
    from ._exceptions import APIConnectionError as ConnectionError
    from ._exceptions import APITimeoutError as TimeoutError
    from ._files import file_from_path
    from ._highlevel import ModelResponse
    from ._info import ResponseInfo, info
    from ._keycheck import KeyCheck
    from ._keys import KeyPool, KeyStats, NoKeyAvailableError
    from ._models import BaseModel
    from ._prices import Price, register_price
    from ._ratelimit_headers import RateLimitSnapshot
    from ._response import APIResponse, BinaryAPIResponse
    from ._retry import RetryPolicy
    from ._service_client import Client
    from ._streaming import Stream
    from ._types import (
        DEFAULT_MAX_RETRIES,
        DEFAULT_TIMEOUT,
        NOT_GIVEN,
        NotGiven,
        Omit,
        RequestOptions,
        Timeout,
        not_given,
        omit,
    )
    from ._usage import TokenUsage
    from .cache_service import CacheAIService
    from .lib._tools import pydantic_function_tool, pydantic_responses_function_tool
    from .limits import RateLimitConfig, RateLimiter, RateLimitExceededLocally
    from .sessions import Session, SessionStore

_LAZY: dict[str, str] = {
    "SessionStore": ".sessions",
    "Session": ".sessions",
    "KeyCheck": "._keycheck",
    "NoKeyAvailableError": "._keys",
    "KeyStats": "._keys",
    "KeyPool": "._keys",
    "CircuitBreakerConfig": "._breaker",
    "CircuitOpenError": "._exceptions",
    "APIConnectionError": "._exceptions",
    "APIError": "._exceptions",
    "APIResponse": "._response",
    "APIResponseValidationError": "._exceptions",
    "APIStatusError": "._exceptions",
    "APITimeoutError": "._exceptions",
    "AuthenticationError": "._exceptions",
    "BadRequestError": "._exceptions",
    "BaseModel": "._models",
    "BinaryAPIResponse": "._response",
    "CacheAI": "._client",
    "CacheAIError": "._exceptions",
    "Client": "._service_client",
    "CacheAIService": ".cache_service",
    "ValidationError": "._exceptions",
    "ChatCompletion": "._compat_types",
    "ChatCompletionChunk": "._compat_types",
    "ChatMessage": "._compat_types",
    "Completion": "._compat_types",
    "Model": "._compat_types",
    "ModelList": "._compat_types",
    "ConflictError": "._exceptions",
    "ContentFilterFinishReasonError": "._exceptions",
    "DEFAULT_MAX_RETRIES": "._types",
    "DEFAULT_TIMEOUT": "._types",
    "InternalServerError": "._exceptions",
    "InvalidWebhookSignatureError": "._exceptions",
    "LengthFinishReasonError": "._exceptions",
    "ModelResponse": "._highlevel",
    "NOT_GIVEN": "._types",
    "NotFoundError": "._exceptions",
    "NotGiven": "._types",
    "Omit": "._types",
    "OpenAI": "._client",
    "OpenAIError": "._exceptions",
    "PermissionDeniedError": "._exceptions",
    "Price": "._prices",
    "RateLimitError": "._exceptions",
    "RateLimitConfig": ".limits",
    "RateLimitExceededLocally": ".limits",
    "RateLimitSnapshot": "._ratelimit_headers",
    "RateLimiter": ".limits",
    "RequestOptions": "._types",
    "ResponseInfo": "._info",
    "RetryPolicy": "._retry",
    "Stream": "._streaming",
    "Timeout": "._types",
    "TokenUsage": "._usage",
    "UnprocessableEntityError": "._exceptions",
    "file_from_path": "._files",
    "info": "._info",
    "not_given": "._types",
    "omit": "._types",
    "pydantic_function_tool": ".lib._tools",
    "pydantic_responses_function_tool": ".lib._tools",
    "register_price": "._prices",
}
# `import cacheai as openai`: `openai.types.chat.ChatCompletion` etc. (a subpackage, imported on first use).
_SUBMODULES = frozenset({"types"})


_lazy_getattr, __dir__ = lazy_exports(__name__, _LAZY, submodules=_SUBMODULES)
# 0.2.0's names for the transport errors; bound only here, so the builtins are not shadowed inside the package.
_RENAMED = {"TimeoutError": "APITimeoutError", "ConnectionError": "APIConnectionError"}


def __getattr__(name: str) -> object:
    value = _lazy_getattr(_RENAMED.get(name, name))
    globals()[name] = value
    return value


__title__ = "cacheai"
VERSION = __version__

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "VERSION",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BaseModel",
    "BinaryAPIResponse",
    "CacheAI",
    "CacheAIError",
    "CacheAIService",
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatMessage",
    "CircuitBreakerConfig",
    "CircuitOpenError",
    "Client",
    "Completion",
    "ConflictError",
    "ConnectionError",
    "ContentFilterFinishReasonError",
    "InternalServerError",
    "InvalidWebhookSignatureError",
    "KeyCheck",
    "KeyPool",
    "KeyStats",
    "LengthFinishReasonError",
    "Model",
    "ModelList",
    "ModelResponse",
    "NoKeyAvailableError",
    "NotFoundError",
    "NotGiven",
    "Omit",
    "OpenAI",
    "OpenAIError",
    "PermissionDeniedError",
    "Price",
    "RateLimitConfig",
    "RateLimitError",
    "RateLimitExceededLocally",
    "RateLimitSnapshot",
    "RateLimiter",
    "RequestOptions",
    "ResponseInfo",
    "RetryPolicy",
    "Session",
    "SessionStore",
    "Stream",
    "Timeout",
    "TimeoutError",
    "TokenUsage",
    "UnprocessableEntityError",
    "ValidationError",
    "__version__",
    "file_from_path",
    "info",
    "not_given",
    "omit",
    "pydantic_function_tool",
    "pydantic_responses_function_tool",
    "register_price",
    "types",
]

_setup_logging()
