"""cacheai: a fast, synchronous drop-in client for OpenAI and OpenAI-compatible APIs."""

from __future__ import annotations

from ._client import CacheAI, Client
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CacheAIError,
    ConflictError,
    ContentFilterFinishReasonError,
    InternalServerError,
    LengthFinishReasonError,
    NotFoundError,
    OpenAIError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._logs import setup_logging as _setup_logging
from ._models import BaseModel
from ._response import APIResponse, BinaryAPIResponse
from ._retry import RetryPolicy
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
from ._version import __version__

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
    "Client",
    "ConflictError",
    "ContentFilterFinishReasonError",
    "InternalServerError",
    "LengthFinishReasonError",
    "NotFoundError",
    "NotGiven",
    "Omit",
    "OpenAIError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestOptions",
    "RetryPolicy",
    "Stream",
    "Timeout",
    "UnprocessableEntityError",
    "__version__",
    "not_given",
    "omit",
]

_setup_logging()
