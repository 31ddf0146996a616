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
from ._exchange import Exchange
from ._files import encode_multipart
from ._layers import Layer
from ._retry import RetryPolicy
from ._state import ClientState
from ._types import NotGiven, Omit, RequestOptions, Timeout, coerce_timeout
from ._utils import encode_json, encode_query, merge_headers, redact_urls

__all__ = ["HTTPManager"]

log = logging.getLogger("cacheai")

_TIMEOUTS = (requests.exceptions.Timeout, urllib3.exceptions.TimeoutError, TimeoutError)
_TRANSPORT_ERRORS = (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError)
_NO_BODY_METHODS = frozenset({"GET", "HEAD"})

RequestsTimeout = tuple[float | None, float | None] | None


def to_requests_timeout(timeout: object) -> RequestsTimeout:
    if timeout is None:
        return None
    if isinstance(timeout, Timeout):
        return timeout.as_requests()
    if isinstance(timeout, (int, float)) and not isinstance(timeout, bool):
        return (timeout, timeout)
    coerced = coerce_timeout(timeout)  # openai's / httpx's Timeout
    if isinstance(coerced, Timeout):
        return coerced.as_requests()
    raise TypeError(f"timeout must be a number of seconds, a Timeout or None, got {timeout!r}")


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
        layers: tuple[Layer, ...] = (),
        state: ClientState | None = None,
    ) -> None:
        self.session = session
        self.layers = layers
        self._sort_keys = any(layer.canonical_body for layer in layers)
        # Each hook is called only on the layers that override it (a cache-only client calls no per-attempt
        # hook, a limiter-only client no lookup).
        self._lookup_layers = tuple(layer for layer in layers if _overrides(layer, "lookup"))
        self._attempt_layers = tuple(layer for layer in layers if _overrides(layer, "before_attempt", "after_attempt"))
        self.state = state if state is not None else ClientState()
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
        return self._prepare(options)[0]

    def _prepare(self, options: RequestOptions) -> tuple[PreparedRequest, Any]:
        """The prepared request and the final JSON body it encodes (``None`` for none, or multipart fields)."""
        method = options.method.upper()
        path = options.path
        url = path if "://" in path else self.base_url + path.lstrip("/")
        query = self._query(url, options)
        if query is not None:
            url = url.split("?", 1)[0] + "?" + query
        body = json_body = self._body(method, options)
        if body is None and method in _NO_BODY_METHODS:
            headers = self._headers_without_body.copy()
        else:
            headers = self._headers_with_body.copy()
        if options.files is not None:
            fields = body if isinstance(body, Mapping) else {}
            body, headers["Content-Type"] = encode_multipart(fields, options.files)
        elif body is not None:
            body = encode_json(body, sort_keys=self._sort_keys)
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
        return request, json_body

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

    def send(self, options: RequestOptions, *, stream: bool) -> Exchange:
        """Send with retries. The exchange's response is the 2xx/3xx one (body read unless ``stream``)."""
        request, body = self._prepare(options)
        layers = self.layers
        exchange = Exchange(options, request, body, stream=stream, layers=layers, owner=self)
        if layers:
            exchange.body_canonical = self._sort_keys and options.files is None
            for layer in self._lookup_layers:
                answer = layer.lookup(exchange)
                if answer is not None:
                    exchange.cached = True
                    exchange.response = answer
                    exchange.sent_at = exchange.answered_at = time.perf_counter()
                    return exchange
            try:
                self._attempts(exchange, stream)
            except BaseException as exc:
                exchange.abort(exc)
                raise
            if not stream:
                exchange.complete()
        else:
            self._attempts(exchange, stream)
        return exchange

    def _attempts(self, exchange: Exchange, stream: bool) -> None:
        """The retry loop: fills in ``exchange.response`` or raises the call's final error."""
        request = exchange.request
        options = exchange.options
        layers = self._attempt_layers
        timeout = self.timeout if isinstance(options.timeout, NotGiven) else to_requests_timeout(options.timeout)
        adapter, settings = self._origin(request.url or "")
        headers = request.headers
        # A key provider is asked before every attempt, unless the caller set their own Authorization header.
        refresh_auth = self._auth_header is not None and not any(k.lower() == "authorization" for k in headers)
        while True:
            if refresh_auth:
                self._apply_auth(headers)
            for layer in layers:
                layer.before_attempt(exchange)
            started = time.perf_counter()
            if not exchange.sent_at:
                exchange.sent_at = started
            try:
                response = adapter.send(request, stream=True, timeout=timeout, **settings)  # type: ignore[arg-type]
                if response.is_redirect and response.headers.get("location"):
                    response = self._follow_redirects(response, request, timeout, settings)
                if response.status_code < 400 and not stream:
                    read_body(response)
            except _TRANSPORT_ERRORS as exc:
                timed_out = isinstance(exc, _TIMEOUTS)
                delay = _advice(layers, exchange, None, exc)
                if exchange.retries_taken < self.max_retries:
                    reason = "timeout" if timed_out else redact_urls(f"{type(exc).__name__}: {exc}")
                    self._sleep_before_retry(request, exchange.retries_taken, None, reason, delay)
                    exchange.retries_taken += 1
                    continue
                if timed_out:
                    log.debug("Raising timeout error")
                    raise APITimeoutError(request) from exc
                log.debug("Raising connection error")
                raise APIConnectionError(request=request) from exc
            now = time.perf_counter()
            response.elapsed = timedelta(seconds=now - started)
            exchange.answered_at = now
            status = response.status_code
            if exchange.model is not None:
                self.state.observe(exchange.model, response.headers)
            delay = _advice(layers, exchange, response, None) if layers else None
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
                exchange.response = response
                return
            if exchange.retries_taken < self.max_retries and (
                delay is not None or self.retry_policy.should_retry_status(status, response.headers)
            ):
                try:
                    read_body(response)  # lets the connection go back to the pool
                except _TRANSPORT_ERRORS:
                    response.close()
                self._sleep_before_retry(request, exchange.retries_taken, response, f"status code {status}", delay)
                exchange.retries_taken += 1
                continue
            error = make_status_error(response)
            log.debug("Raising status error: %s", error.message)
            response.close()
            raise error

    def _sleep_before_retry(
        self,
        request: PreparedRequest,
        retries_taken: int,
        response: requests.Response | None,
        reason: str,
        delay: float | None = None,
    ) -> None:
        if delay is None:
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


def _overrides(layer: Layer, *hooks: str) -> bool:
    """Whether a layer overrides any of ``hooks`` (on its class or on itself)."""
    return any(getattr(getattr(layer, name), "__func__", None) is not getattr(Layer, name) for name in hooks)


def _advice(
    layers: tuple[Layer, ...], exchange: Exchange, response: requests.Response | None, error: BaseException | None
) -> float | None:
    """Let every layer see an attempt's outcome; the shortest retry delay any of them asks for, or ``None``."""
    delay: float | None = None
    for layer in layers:
        wanted = layer.after_attempt(exchange, response, error)
        if wanted is not None and (delay is None or wanted < delay):
            delay = wanted
    return delay


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
