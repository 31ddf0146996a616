"""The HTTP manager: one per client, around one ``requests.Session``.

It turns ``RequestOptions`` into a prepared request, sends it through the session's adapter, retries by the
``RetryPolicy`` and hands back the successful response, or raises the typed error.

Everything ``requests.Session.request`` would redo on every call (environment proxies and CA bundle, header
merging, URL parsing, cookie and hook plumbing) is done once here, when the client is built: a call only copies
a header dict, encodes its body and goes straight to ``HTTPAdapter.send``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests
import requests.adapters
import requests.cookies
import urllib3.exceptions
from requests.models import PreparedRequest

from ._exceptions import APIConnectionError, APITimeoutError, make_status_error
from ._files import encode_multipart
from ._retry import RetryPolicy
from ._types import NotGiven, Omit, RequestOptions, Timeout
from ._utils import encode_json, encode_query, merge_headers, redact_urls

__all__ = ["HTTPManager", "SendResult"]

log = logging.getLogger("cacheai")

_TIMEOUTS = (requests.exceptions.Timeout, urllib3.exceptions.TimeoutError, TimeoutError)
_TRANSPORT_ERRORS = (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError)
_NO_BODY_METHODS = frozenset({"GET", "HEAD"})

RequestsTimeout = tuple[float | None, float | None] | None


def to_requests_timeout(timeout: float | Timeout | None) -> RequestsTimeout:
    if timeout is None:
        return None
    if isinstance(timeout, Timeout):
        return timeout.as_requests()
    return (timeout, timeout)


class SendResult:
    """A successful response and how many retries it took."""

    __slots__ = ("response", "retries_taken")

    def __init__(self, response: requests.Response, retries_taken: int) -> None:
        self.response = response
        self.retries_taken = retries_taken


class HTTPManager:
    """Sends requests for one client configuration. Thread-safe: it holds no per-call state."""

    def __init__(
        self,
        *,
        session: requests.Session,
        base_url: str,
        headers: Mapping[str, str],
        auth_header: Callable[[], str | None] | None,
        default_query: Mapping[str, object] | None,
        timeout: float | Timeout | None,
        max_retries: int,
        retry_policy: RetryPolicy,
        proxies: Mapping[str, str] | None = None,
        verify: bool | str | None = None,
        cert: str | tuple[str, str] | None = None,
    ) -> None:
        self.session = session
        self.base_url = base_url
        self.max_retries = max_retries
        self.retry_policy = retry_policy
        self.timeout = to_requests_timeout(timeout)
        self._auth_header = auth_header
        self._default_query = dict(default_query) if default_query else {}
        self._proxies = dict(proxies) if proxies else {}
        self._verify = verify
        self._cert = cert
        # The session's own headers first (a user's http_client may carry some), then ours over them.
        base = {k: v for k, v in session.headers.items() if isinstance(v, str)}
        base.pop("Accept", None)
        merge_headers(base, headers)
        self._headers_without_body = {k: v for k, v in base.items() if k.lower() != "content-type"}
        self._headers_with_body = base
        self._origins: dict[str, tuple[requests.adapters.BaseAdapter, dict[str, Any]]] = {}

    # -- building -------------------------------------------------------------------------------------------

    def build_request(self, options: RequestOptions) -> PreparedRequest:
        """The prepared request for ``options``: URL with query, merged headers, encoded body."""
        method = options.method.upper()
        path = options.path
        url = path if "://" in path else self.base_url + path.lstrip("/")
        query = self._query(url, options)
        if query is not None:
            url = url.split("?", 1)[0] + "?" + query
        body = self._body(method, options)
        if body is None and method in _NO_BODY_METHODS:
            headers = self._headers_without_body.copy()
        else:
            headers = self._headers_with_body.copy()
        if options.files is not None:
            fields = body if isinstance(body, Mapping) else {}
            body, headers["Content-Type"] = encode_multipart(fields, options.files)
        elif body is not None:
            body = encode_json(body)
        if options.headers:
            merge_headers(headers, options.headers)
        headers["Content-Length"] = str(len(body)) if body is not None else "0"
        if body is None and method in _NO_BODY_METHODS:
            del headers["Content-Length"]
        request = PreparedRequest()
        request.method = method
        request.url = url
        request.headers = headers  # type: ignore[assignment]  # urllib3 takes any mapping
        request.body = body
        return request

    def _query(self, url: str, options: RequestOptions) -> str | None:
        params: dict[str, object] = {}
        if "?" in url:
            params.update(parse_qsl(url.split("?", 1)[1], keep_blank_values=True))
        if self._default_query:
            params.update(self._default_query)
        if options.params:
            params.update(options.params)
        if not params:
            return None
        params = {k: v for k, v in params.items() if not isinstance(v, (NotGiven, Omit))}
        return encode_query(params)

    @staticmethod
    def _body(method: str, options: RequestOptions) -> Any:
        body = options.json_data
        extra = options.extra_json
        if extra:
            if body is None and method in _NO_BODY_METHODS:
                return None  # a GET never carries a body
            if body is not None and not isinstance(body, Mapping):
                raise TypeError(
                    f"extra_body adds fields to a JSON object, but this request's body is a {type(body).__name__}"
                )
            merged = dict(body) if body is not None else {}
            for key, value in extra.items():
                if isinstance(value, (NotGiven, Omit)):
                    merged.pop(key, None)
                else:
                    merged[key] = value
            return merged
        return body

    # -- sending --------------------------------------------------------------------------------------------

    def send(self, options: RequestOptions, *, stream: bool) -> SendResult:
        """Send with retries. Returns the 2xx/3xx response (body already read unless ``stream``)."""
        request = self.build_request(options)
        timeout = self.timeout if isinstance(options.timeout, NotGiven) else to_requests_timeout(options.timeout)
        adapter, settings = self._origin(request.url or "")
        headers = request.headers
        # A key provider is asked before every attempt, unless the caller set their own Authorization header.
        refresh_auth = self._auth_header is not None and not any(k.lower() == "authorization" for k in headers)
        retries_taken = 0
        while True:
            if refresh_auth:
                self._apply_auth(headers)
            started = time.perf_counter()
            try:
                response = adapter.send(request, stream=True, timeout=timeout, **settings)  # type: ignore[arg-type]
                if response.is_redirect and response.headers.get("location"):
                    response = self._follow_redirects(response, request, timeout, settings)
                if response.status_code < 400 and not stream:
                    read_body(response)
            except _TRANSPORT_ERRORS as exc:
                timed_out = isinstance(exc, _TIMEOUTS)
                if retries_taken < self.max_retries:
                    reason = "timeout" if timed_out else redact_urls(f"{type(exc).__name__}: {exc}")
                    self._sleep_before_retry(request, retries_taken, None, reason)
                    retries_taken += 1
                    continue
                if timed_out:
                    log.debug("Raising timeout error")
                    raise APITimeoutError(request) from exc
                log.debug("Raising connection error")
                raise APIConnectionError(request=request) from exc
            response.elapsed = timedelta(seconds=time.perf_counter() - started)
            status = response.status_code
            if status < 400:
                if log.isEnabledFor(logging.DEBUG):
                    log.debug(
                        'HTTP Request: %s %s "%s %s" (%.1f ms)',
                        request.method,
                        _redact_url(request.url),
                        status,
                        response.reason,
                        response.elapsed.total_seconds() * 1000,
                    )
                return SendResult(response, retries_taken)
            if retries_taken < self.max_retries and self.retry_policy.should_retry_status(status, response.headers):
                try:
                    read_body(response)  # lets the connection go back to the pool
                except _TRANSPORT_ERRORS:
                    response.close()
                self._sleep_before_retry(request, retries_taken, response, f"status code {status}")
                retries_taken += 1
                continue
            error = make_status_error(response)
            log.debug("Raising status error: %s", error.message)
            response.close()
            raise error

    def _sleep_before_retry(
        self, request: PreparedRequest, retries_taken: int, response: requests.Response | None, reason: str
    ) -> None:
        delay = self.retry_policy.delay(retries_taken, response.headers if response is not None else None)
        log.info(
            "Retrying %s %s in %f seconds (retry %d of %d) due to %s",
            request.method,
            _redact_url(request.url),
            delay,
            retries_taken + 1,
            self.max_retries,
            reason,
        )
        time.sleep(delay)

    def _apply_auth(self, headers: Any) -> None:
        assert self._auth_header is not None
        value = self._auth_header()
        if value:
            headers["Authorization"] = value
        else:
            headers.pop("Authorization", None)

    def _follow_redirects(
        self,
        response: requests.Response,
        request: PreparedRequest,
        timeout: RequestsTimeout,
        settings: dict[str, Any],
    ) -> requests.Response:
        # requests' redirect machinery (which also drops Authorization on a change of host) expects what
        # Session.prepare_request would have set: case-insensitive headers and a cookie jar.
        request.headers = requests.structures.CaseInsensitiveDict(request.headers)
        if request._cookies is None:  # type: ignore[attr-defined]
            request.prepare_cookies(requests.cookies.RequestsCookieJar())
        chain = list(self.session.resolve_redirects(response, request, stream=True, timeout=timeout, **settings))
        return chain[-1] if chain else response

    def _origin(self, url: str) -> tuple[requests.adapters.BaseAdapter, dict[str, Any]]:
        """The adapter and environment settings (proxies, CA bundle) for a URL's origin, computed once."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._origins.get(origin)
        if cached is None:
            merged = self.session.merge_environment_settings(
                url, dict(self._proxies) or None, None, self._verify, self._cert
            )
            settings = {"verify": merged["verify"], "cert": merged["cert"], "proxies": merged["proxies"]}
            cached = (self.session.get_adapter(url), settings)
            self._origins[origin] = cached
        return cached


def read_body(response: requests.Response) -> bytes:
    """Read the whole body once (in one call, not requests' 10 KiB pieces) and release the connection."""
    content: Any = getattr(response, "_content")  # noqa: B009  # False until read (requests' convention)
    if content is False:
        raw = response.raw
        content = raw.read(decode_content=True) if raw is not None else b""
        response._content = content
        response._content_consumed = True  # type: ignore[attr-defined]
    return content or b""


def _redact_url(url: str | None) -> str:
    """The URL without its query string, which could carry a key."""
    return (url or "").split("?", 1)[0]
