"""The exception hierarchy (openai's names) and the parsing of every error-body shape servers send.

```
OpenAIError (alias CacheAIError)
└── APIError                          message, request, body, code, param, type
    ├── APIConnectionError            "Connection error."; the cause is in __cause__
    │   └── APITimeoutError           "Request timed out."
    ├── CircuitOpenError              a model's circuit breaker is open: model, retry_in_s (nothing was sent)
    ├── APIResponseValidationError    a response that does not fit the expected type (strict mode)
    └── APIStatusError                status_code, response, request_id
        ├── BadRequestError           400
        ├── AuthenticationError       401
        ├── PermissionDeniedError     403
        ├── NotFoundError             404
        ├── ConflictError             409
        ├── UnprocessableEntityError  422
        ├── RateLimitError            429
        └── InternalServerError       >= 500
```

Error bodies are parsed without ever raising: `{"error": {...}}`, `{"error": "text"}`, `{"object": "error", ...}`,
FastAPI's `{"detail": ...}` (string or list), a JSON array of those, HTML, plain text, or nothing at all.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Literal

from typing_extensions import override

if TYPE_CHECKING:
    import requests

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CacheAIError",
    "CircuitOpenError",
    "ConflictError",
    "ContentFilterFinishReasonError",
    "InternalServerError",
    "InvalidWebhookSignatureError",
    "LengthFinishReasonError",
    "NotFoundError",
    "OpenAIError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "ValidationError",
]


class OpenAIError(Exception):
    """Base class of every error cacheai raises (named as openai's, so ``except`` clauses carry over).

    ``status_code`` and ``response_body`` (the HTTP status and body text, as cacheai 0.2.0's ``CacheAIError`` had
    them) are ``None`` for errors that did not come with a response.
    """

    status_code: int | None = None

    @property
    def response_body(self) -> str | None:
        response = getattr(self, "response", None)
        return response.text if response is not None else None


class ValidationError(OpenAIError, ValueError):
    """Client-side validation failed: the input cannot be sent as it is (the message says what to fix)."""


class InvalidWebhookSignatureError(ValueError):
    """A webhook's signature does not match its payload and secret, or its timestamp is out of the tolerance
    (openai's class: a ``ValueError``, not an ``OpenAIError``)."""


CacheAIError = OpenAIError


class APIError(OpenAIError):
    """An error from (or on the way to) the API, with the server's error object as ``body`` when there is one."""

    message: str
    request: requests.PreparedRequest | None
    body: object | None
    code: str | None
    param: str | None
    type: str | None

    def __init__(self, message: str, request: requests.PreparedRequest | None, *, body: object | None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body
        if isinstance(body, dict):
            code = body.get("code")
            self.code = None if code is None else str(code)
            self.param = _optional_str(body.get("param"))
            self.type = _optional_str(body.get("type"))
        else:
            self.code = self.param = self.type = None

    @override
    def __str__(self) -> str:
        return self.message


class APIResponseValidationError(APIError):
    """The response did not match the expected schema (raised only with strict response validation)."""

    response: requests.Response
    status_code: int

    def __init__(self, response: requests.Response, body: object | None, *, message: str | None = None) -> None:
        super().__init__(message or "Data returned by API invalid for expected schema.", response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    response: requests.Response
    status_code: int
    request_id: str | None

    def __init__(self, message: str, *, response: requests.Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id")


class APIConnectionError(APIError):
    """The request never got a complete answer: refused or reset connection, TLS or protocol failure."""

    def __init__(self, *, message: str = "Connection error.", request: requests.PreparedRequest | None) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """Connecting, or waiting for the next bytes of the response, took longer than the timeout."""

    def __init__(self, request: requests.PreparedRequest | None, *, message: str = "Request timed out.") -> None:
        super().__init__(message=message, request=request)


class CircuitOpenError(APIError):
    """The model's circuit breaker is open after repeated server failures: the call failed fast, unsent."""

    model: str
    retry_in_s: float

    def __init__(self, model: str, retry_in_s: float, *, request: requests.PreparedRequest | None = None) -> None:
        super().__init__(
            f"Circuit breaker open for model: {model} (after repeated server failures; "
            f"it will be tried again in {retry_in_s:.1f}s)",
            request,
            body=None,
        )
        self.model = model
        self.retry_in_s = retry_in_s


class BadRequestError(APIStatusError):
    status_code: Literal[400] = 400


class AuthenticationError(APIStatusError):
    status_code: Literal[401] = 401


class PermissionDeniedError(APIStatusError):
    status_code: Literal[403] = 403


class NotFoundError(APIStatusError):
    status_code: Literal[404] = 404


class ConflictError(APIStatusError):
    status_code: Literal[409] = 409


class UnprocessableEntityError(APIStatusError):
    status_code: Literal[422] = 422


class RateLimitError(APIStatusError):
    status_code: Literal[429] = 429


class InternalServerError(APIStatusError):
    pass


class LengthFinishReasonError(OpenAIError):
    """A completion to be parsed stopped at the length limit."""

    completion: Any

    def __init__(self, *, completion: Any) -> None:
        msg = "Could not parse response content as the length limit was reached"
        if getattr(completion, "usage", None):
            msg += f" - {completion.usage}"
        super().__init__(msg)
        self.completion = completion


class ContentFilterFinishReasonError(OpenAIError):
    """A completion to be parsed was stopped by the content filter."""

    completion: Any

    def __init__(self, *, completion: Any = None) -> None:
        super().__init__("Could not parse response content as the request was rejected by the content filter")
        self.completion = completion


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def make_status_error(response: requests.Response) -> APIStatusError:
    """Build the exception for a 4xx/5xx response; reads the body and never raises while parsing it."""
    try:
        text = response.text.strip()
    except Exception:  # a body that cannot even be read still gets its typed error
        text = ""
    parsed: object
    try:
        parsed = json.loads(text) if text else ""
    except ValueError:
        parsed = text
    body = parsed.get("error", parsed) if isinstance(parsed, dict) else parsed
    status = response.status_code
    detail = error_message_from(parsed)
    message = f"Error code: {status}" + (f" - {detail}" if detail else "")
    cls = _STATUS_ERRORS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    return cls(message, response=response, body=body)


def error_message_from(parsed: object) -> str | None:
    """The server's own words from an error body of any shape, or ``None`` when it has none."""
    if isinstance(parsed, dict):
        error = parsed.get("error")
        if isinstance(error, dict):
            return _nonempty_str(error.get("message")) or _nonempty_str(error.get("msg"))
        if isinstance(error, str) and error.strip():
            return error.strip()
        if "error" not in parsed or error is None:
            return (
                _nonempty_str(parsed.get("message"))
                or _detail_message(parsed.get("detail"))
                or _nonempty_str(parsed.get("msg"))
            )
        return None
    if isinstance(parsed, list):
        for item in parsed:
            message = error_message_from(item)
            if message:
                return message
        return None
    if isinstance(parsed, str) and parsed:
        return _text_message(parsed)
    return None


def _detail_message(detail: object) -> str | None:
    """FastAPI's ``detail``: a string, or a list of ``{"loc": [...], "msg": ...}`` validation errors."""
    if isinstance(detail, str):
        return detail.strip() or None
    if isinstance(detail, list):
        parts = []
        for item in detail:
            if isinstance(item, dict) and isinstance(item.get("msg"), str):
                loc = item.get("loc")
                where = ".".join(str(p) for p in loc) if isinstance(loc, list) else ""
                parts.append(f"{where}: {item['msg']}" if where else item["msg"])
            elif isinstance(item, str):
                parts.append(item)
        return "; ".join(parts) or None
    return None


_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def _text_message(text: str) -> str:
    """A readable one-liner for a non-JSON body; HTML pages (proxies, Cloudflare) are reduced to their title."""
    if text.lstrip()[:1] == "<":
        title = _TITLE.search(text)
        text = title.group(1) if title else _TAGS.sub(" ", text)
    return " ".join(text.split())


def _nonempty_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)
