"""``CacheAI``: client options, environment variables, lazy resources, ``with_options``/``copy``/``close``."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlencode

import requests
import requests.adapters
from typing_extensions import Self

from . import _options, _wiring
from ._exceptions import OpenAIError
from ._http import HTTPManager
from ._info import attach
from ._response import RAW_RESPONSE_HEADER, APIResponse, StreamedAPIResponse, parse_response
from ._retry import DEFAULT_RETRY_POLICY, RetryPolicy
from ._state import ClientState, ObservedRateLimits
from ._streaming import Stream
from ._types import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    NOT_GIVEN,
    NotGiven,
    RequestOptions,
    Timeout,
    coerce_timeout,
)
from ._utils import merge_headers, redact_urls
from ._version import __version__
from .batch._mixin import BatchMethods

if TYPE_CHECKING:
    from ._breaker import CircuitBreaker, CircuitBreakerConfig
    from ._highlevel import ModelResponse
    from ._keycheck import KeyCheck
    from ._keys import KeyPool
    from ._layers import Layer
    from ._pagination import BasePage
    from ._prices import Price
    from ._resource import RawResponseMirror
    from .batch import BatchConfig
    from .cache import CacheLayer
    from .cache_service import CacheAIService
    from .limits import RateLimitConfig, RateLimiter
    from .resources.audio import Audio
    from .resources.batches import Batches
    from .resources.beta import Beta
    from .resources.chat import Chat
    from .resources.completions import Completions
    from .resources.embeddings import Embeddings
    from .resources.files import Files
    from .resources.fine_tuning import FineTuning
    from .resources.images import Images
    from .resources.models import Models
    from .resources.moderations import Moderations
    from .resources.responses import Responses
    from .resources.uploads import Uploads
    from .resources.vector_stores import VectorStores
    from .resources.webhooks import Webhooks
    from .sessions import Sessions, SessionStore

__all__ = ["CacheAI", "OpenAI"]

_T = TypeVar("_T")
_PageT = TypeVar("_PageT", bound="BasePage[Any]")

OPENAI_BASE_URL = "https://api.openai.com/v1"
DEFAULT_POOL_SIZE = 100


class CacheAI(BatchMethods):
    """A synchronous client for OpenAI and OpenAI-compatible servers, with ``openai.OpenAI``'s interface.

    Every keyword has openai's meaning; the requests-native extras are ``http_client`` (a ``requests.Session``
    to use), ``proxies``, ``verify`` (a CA bundle path, or ``False``), ``cert``, ``connection_pool_size`` and
    ``retry_policy``. cacheai's own keywords: ``default_model`` (or ``CACHEAI_MODEL``) for the high-level calls
    such as ``generate_response``, and ``prices`` (``{model: Price or {"input": .., "output": ..,
    "cached_input": ..}}``, USD per million tokens) for ``cacheai.info(result).cost``. Several keys
    (``api_key=[...]``, a ``KeyPool`` or a comma-separated ``CACHEAI_API_KEY``) rotate (``client.keys``);
    ``circuit_breaker`` (a ``CircuitBreakerConfig``) and ``fallback_models`` guard failing models
    (``client.circuits``); ``sessions`` (``"sqlite:///file.db"``, ``"redis://..."`` or a ``SessionStore``)
    is where ``client.sessions`` keeps conversations (default: memory).

    An API key is required only for OpenAI itself: for any other ``base_url`` the client
    works without one and sends no ``Authorization`` header.

    One client is safe to share across threads; it keeps a connection pool, so reuse it rather than creating
    one per request, and ``close()`` it (or use it as a context manager) when done.
    """

    def __init__(
        self,
        *,
        api_key: str | Sequence[str] | KeyPool | Callable[[], str] | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        base_url: str | NotGiven | None = NOT_GIVEN,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: requests.Session | None = None,
        proxies: Mapping[str, str] | None = None,
        verify: bool | str | None = None,
        cert: str | tuple[str, str] | None = None,
        connection_pool_size: int = DEFAULT_POOL_SIZE,
        retry_policy: RetryPolicy | None = None,
        default_model: str | None = None,
        prices: Mapping[str, Price | Mapping[str, float]] | None = None,
        batch: BatchConfig | None = None,
        cache: Any = None,
        circuit_breaker: CircuitBreakerConfig | bool | None = None,
        fallback_models: Mapping[str, Sequence[str]] | None = None,
        sessions: SessionStore | str | None = None,
        rate_limit: RateLimitConfig | Mapping[str, RateLimitConfig] | RateLimiter | None = None,
    ) -> None:
        _options.check_max_retries(max_retries)
        if api_key is None:
            api_key = os.environ.get("CACHEAI_API_KEY") or os.environ.get("OPENAI_API_KEY")
        self._key_pool: KeyPool | None = None
        if api_key is not None and not callable(api_key):
            self._key_pool, api_key = _wiring.key_pool_of(api_key)
        if base_url is None or isinstance(base_url, NotGiven):
            base_url = os.environ.get("CACHEAI_BASE_URL") or os.environ.get("OPENAI_BASE_URL") or OPENAI_BASE_URL
        self._base_url, self._base_query = _options.split_base_url(base_url)
        if not api_key and self._key_pool is None and _options.is_openai(self._base_url):
            raise OpenAIError(
                "Missing credentials. Please pass an `api_key`, or set the `CACHEAI_API_KEY` or `OPENAI_API_KEY` "
                "environment variable (OpenAI's API needs a key; for a local server, pass its `base_url`)."
            )
        if http_client is not None and not isinstance(http_client, requests.Session):
            raise TypeError(
                f"Invalid `http_client` argument; expected a `requests.Session` but got {type(http_client)}"
            )
        if not isinstance(connection_pool_size, int) or connection_pool_size < 1:
            raise ValueError(f"connection_pool_size must be a positive integer, got {connection_pool_size!r}")
        self._api_key_provider = api_key if callable(api_key) else None
        self._api_key: str = "" if callable(api_key) else (api_key or "")
        self._organization = organization if organization is not None else os.environ.get("OPENAI_ORG_ID")
        self._project = project if project is not None else os.environ.get("OPENAI_PROJECT_ID")
        self.webhook_secret = webhook_secret if webhook_secret is not None else os.environ.get("OPENAI_WEBHOOK_SECRET")
        timeout = DEFAULT_TIMEOUT if isinstance(timeout, NotGiven) else coerce_timeout(timeout)  # type: ignore[assignment]
        _options.check_timeout(timeout)
        self.timeout: float | Timeout | None = timeout  # type: ignore[assignment]
        self.max_retries = max_retries
        self.retry_policy = retry_policy or DEFAULT_RETRY_POLICY
        self._custom_headers: dict[str, str] = dict(default_headers or {})
        self._custom_query: dict[str, object] = dict(default_query or {})
        self._proxies = dict(proxies) if proxies else None
        self._verify = verify
        self._cert = cert
        self._pool_size = connection_pool_size
        self._owns_session = http_client is None
        self._session = http_client if http_client is not None else _options.new_session(connection_pool_size)
        self.default_model: str | None = default_model or os.environ.get("CACHEAI_MODEL") or None
        self._batch_config = _wiring.batch_config(batch)
        # Shared with every copy made by with_options/copy: observed rate limits, prices and the layers.
        self._state = ClientState(_wiring.coerce_prices(prices) if prices else None)
        # The optional layers, in hook order (see _layers.py): cache, circuit breaker, key pool, rate limiter.
        # Each is built here once, from its own module, and only when configured.
        layers: list[Layer] = []
        # [cache]
        self._cache = _wiring.cache_of(cache)
        if self._cache is not None:
            layers.append(self._cache)
        # [circuit breaker]
        self._breaker = _wiring.breaker_of(circuit_breaker)
        if self._breaker is not None:
            layers.append(self._breaker)
        self._fallback_models = {m: tuple(chain) for m, chain in (fallback_models or {}).items()}
        # [key pool]
        if self._key_pool is not None:
            layers.append(self._key_pool)
        # [rate limiter]
        limiter_layer = _wiring.rate_limit_layer_of(rate_limit)
        if limiter_layer is not None:
            layers.append(limiter_layer)
        self._layers: tuple[Layer, ...] = tuple(layers)
        self._http = self._build_http()
        self._session_store = _wiring.StoreHolder(sessions, getattr(self._cache, "store", None))

    # -- configuration ---------------------------------------------------------------------------------------

    def _build_http(self) -> HTTPManager:
        return HTTPManager(
            session=self._session,
            base_url=self._base_url,
            headers=self.default_headers,
            auth_header=self._refresh_api_key if self._api_key_provider else None,
            default_query={**self._base_query, **self._custom_query} if self._base_query else self._custom_query,
            timeout=self.timeout,
            max_retries=self.max_retries,
            retry_policy=self.retry_policy,
            proxies=self._proxies,
            verify=self._verify,
            cert=self._cert,
            layers=self._layers,
            state=self._state,
        )

    def _share_with(self, copy: CacheAI) -> None:
        """Make ``copy`` part of this client's family: one state, one set of layers."""
        copy._state = self._state
        copy._layers = self._layers
        copy._cache = self._cache
        copy._key_pool = self._key_pool
        copy._breaker = self._breaker
        copy._fallback_models = self._fallback_models
        copy._session_store = self._session_store
        copy._http = copy._build_http()

    def _refresh_api_key(self) -> str | None:
        assert self._api_key_provider is not None
        key = self._api_key_provider()
        if not isinstance(key, str):
            raise OpenAIError(f"The `api_key` provider must return a string, got {type(key).__name__}")
        self._api_key = key
        return f"Bearer {key}" if key else None

    @property
    def base_url(self) -> str:
        """The API base URL, always with a trailing slash after its path (and its query string, if it has one)."""
        if self._base_query:
            return f"{self._base_url}?{urlencode(self._base_query)}"
        return self._base_url

    @base_url.setter
    def base_url(self, url: str) -> None:
        self._base_url, self._base_query = _options.split_base_url(url)
        self._http = self._build_http()

    @property
    def api_key(self) -> str:
        return self._api_key

    @api_key.setter
    def api_key(self, key: str) -> None:
        self._api_key = key
        self._http = self._build_http()

    @property
    def keys(self) -> KeyPool:
        """The key pool (``CacheAI(api_key=[...])``): ``stats()``, ``rotate()``, ``reset()``."""
        if self._key_pool is None:
            raise OpenAIError("This client has one API key; pass several (api_key=[...]) to get a key pool")
        return self._key_pool

    @property
    def circuits(self) -> CircuitBreaker:
        """Each model's circuit (``CacheAI(circuit_breaker=...)``), a read-only mapping; ``reset()`` closes all."""
        if self._breaker is None:
            raise OpenAIError("This client has no circuit breaker; pass circuit_breaker=CircuitBreakerConfig(...)")
        return self._breaker

    @property
    def organization(self) -> str | None:
        return self._organization

    @organization.setter
    def organization(self, value: str | None) -> None:
        self._organization = value
        self._http = self._build_http()

    @property
    def project(self) -> str | None:
        return self._project

    @project.setter
    def project(self, value: str | None) -> None:
        self._project = value
        self._http = self._build_http()

    @property
    def user_agent(self) -> str:
        return f"{type(self).__name__}/Python {__version__}"

    @property
    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}

    @property
    def default_headers(self) -> dict[str, str]:
        """The headers every request carries (before per-call ``extra_headers``)."""
        headers = {
            **self.auth_headers,
            "Accept": "application/json",
            "Content-Type": "application/json",
            "User-Agent": self.user_agent,
        }
        if self._organization:
            headers["OpenAI-Organization"] = self._organization
        if self._project:
            headers["OpenAI-Project"] = self._project
        merge_headers(headers, self._custom_headers)
        return headers

    @property
    def default_query(self) -> dict[str, object]:
        return dict(self._custom_query)

    @property
    def http_client(self) -> requests.Session:
        """The ``requests.Session`` this client (and its copies) send through."""
        return self._session

    def copy(
        self,
        *,
        api_key: str | Callable[[], str] | None = None,
        organization: str | None = None,
        project: str | None = None,
        webhook_secret: str | None = None,
        base_url: str | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        http_client: requests.Session | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        retry_policy: RetryPolicy | None = None,
        cache: Any = None,
    ) -> Self:
        """A new client with some options changed; it shares this client's connection pool.

        ``cache`` (cacheai only): a per-call cache control for every call of the copy ('refresh', 'no-store',
        'bypass', a ``CacheControl``), or a cache of its own (anything ``CacheAI(cache=...)`` takes).
        """
        if default_headers is not None and set_default_headers is not None:
            raise ValueError("The `default_headers` and `set_default_headers` arguments are mutually exclusive")
        if default_query is not None and set_default_query is not None:
            raise ValueError("The `default_query` and `set_default_query` arguments are mutually exclusive")
        headers = dict(self._custom_headers)
        if default_headers is not None:
            headers.update(default_headers)
        elif set_default_headers is not None:
            headers = dict(set_default_headers)
        query = dict(self._custom_query)
        if default_query is not None:
            query.update(default_query)
        elif set_default_query is not None:
            query = dict(set_default_query)
        session = http_client or self._session
        new = self._new_copy(
            api_key=api_key or self._key_pool or self._api_key_provider or self._api_key,
            organization=organization or self._organization,
            project=project or self._project,
            webhook_secret=webhook_secret or self.webhook_secret,
            base_url=base_url or self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            default_headers=headers,
            default_query=query,
            http_client=session,
            proxies=self._proxies,
            verify=self._verify,
            cert=self._cert,
            connection_pool_size=self._pool_size,
            retry_policy=retry_policy or self.retry_policy,
            default_model=self.default_model,
            batch=self._batch_config,
        )
        new._owns_session = False
        self._share_with(new)
        if cache is not None:
            new._cache, new._layers = _wiring.cache_for_copy(self._cache, self._layers, cache)
            new._http = new._build_http()
        return new

    with_options = copy

    def _new_copy(self, **options: Any) -> Self:
        """The bare copy ``copy`` configures (a subclass with another constructor builds it with ``CacheAI``'s)."""
        return self.__class__(**options)

    # -- lifecycle -------------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection pool (shared with copies made by ``with_options``/``copy``)."""
        self._session.close()
        self._closed = True

    def is_closed(self) -> bool:
        return getattr(self, "_closed", False)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        exc_tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} base_url={redact_urls(self.base_url)!r}>"  # a query may hold a key

    # -- resources -------------------------------------------------------------------------------------------

    @cached_property
    def chat(self) -> Chat:
        from .resources.chat import Chat

        return Chat(self)

    @cached_property
    def beta(self) -> Beta:
        from .resources.beta import Beta

        return Beta(self)

    @cached_property
    def completions(self) -> Completions:
        from .resources.completions import Completions

        return Completions(self)

    @cached_property
    def models(self) -> Models:
        from .resources.models import Models

        return Models(self)

    @cached_property
    def embeddings(self) -> Embeddings:
        from .resources.embeddings import Embeddings

        return Embeddings(self)

    @cached_property
    def files(self) -> Files:
        from .resources.files import Files

        return Files(self)

    @cached_property
    def batches(self) -> Batches:
        from .resources.batches import Batches

        return Batches(self)

    @cached_property
    def responses(self) -> Responses:
        from .resources.responses import Responses

        return Responses(self)

    @cached_property
    def moderations(self) -> Moderations:
        from .resources.moderations import Moderations

        return Moderations(self)

    @cached_property
    def images(self) -> Images:
        from .resources.images import Images

        return Images(self)

    @cached_property
    def audio(self) -> Audio:
        from .resources.audio import Audio

        return Audio(self)

    @cached_property
    def fine_tuning(self) -> FineTuning:
        from .resources.fine_tuning import FineTuning

        return FineTuning(self)

    @cached_property
    def uploads(self) -> Uploads:
        from .resources.uploads import Uploads

        return Uploads(self)

    @cached_property
    def vector_stores(self) -> VectorStores:
        from .resources.vector_stores import VectorStores

        return VectorStores(self)

    @cached_property
    def webhooks(self) -> Webhooks:
        from .resources.webhooks import Webhooks

        return Webhooks(self)

    @cached_property
    def sessions(self) -> Sessions:
        """Conversation sessions (``create``, ``get``, ``delete``, ``list``) in the store ``CacheAI(sessions=...)``."""
        from .sessions import Sessions

        return Sessions(self, self._session_store.get())

    @property
    def cache(self) -> CacheLayer | CacheAIService | None:
        """The response cache (``stats``, ``get``, ``update``, ``delete``; local ones ``clear``), or ``None``."""
        return self._cache

    @property
    def rate_limiter(self) -> RateLimiter | None:
        """The client-side limiter given as ``rate_limit`` (shared with copies), or ``None``; see its ``state()``."""
        if self._layers:
            from .limits._layer import RateLimitLayer

            for layer in self._layers:
                if isinstance(layer, RateLimitLayer):
                    return layer.limiter
        return None

    @property
    def rate_limits(self) -> ObservedRateLimits:
        """The latest rate-limit snapshot the server sent, per model (shared with ``with_options`` copies)."""
        return ObservedRateLimits(self._state)

    # -- high-level calls ------------------------------------------------------------------------------------

    def generate_response(
        self,
        prompt: str | Sequence[Mapping[str, Any]],
        *,
        model: str | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
        timeout: float | Timeout | NotGiven | None = NOT_GIVEN,
        **create_kwargs: Any,
    ) -> ModelResponse:
        """One chat completion from a prompt string or a list of messages, as a ``ModelResponse``.

        Goes through the client's retries and layers like any call; ``model`` defaults to ``default_model``
        (or ``CACHEAI_MODEL``). Other keywords are ``chat.completions.create``'s. Raises openai's error classes.
        """
        from ._highlevel import generate_response

        return generate_response(
            self,
            prompt,
            model=model,
            temperature=temperature,
            max_tokens=max_tokens,
            timeout=timeout,
            **create_kwargs,
        )

    def check_key(self, api_key: str | None = None, *, timeout: float = 10.0) -> KeyCheck:
        """Check a key (default: this client's) with one ``GET /models``: valid, invalid or unreachable.

        The result carries the server's message, the models the key sees and the rate-limit snapshot; format
        mistakes (whitespace, quotes, a truncated OpenAI key) are logged as warnings and listed, never rejected.
        """
        from ._keycheck import check_key

        return check_key(self, api_key, timeout=timeout)

    @cached_property
    def with_raw_response(self) -> RawResponseMirror:
        """The same resources, each method returning an ``APIResponse`` with headers and ``.parse()``."""
        from ._resource import RawResponseMirror

        return RawResponseMirror(self)

    @cached_property
    def with_streaming_response(self) -> RawResponseMirror:
        """The same resources, each method returning a ``StreamedAPIResponse`` context manager (body not read)."""
        from ._resource import RawResponseMirror

        return RawResponseMirror(self, streaming=True)

    # -- low-level requests ----------------------------------------------------------------------------------

    def request(
        self,
        cast_to: Any,
        options: RequestOptions,
        *,
        stream: bool = False,
        stream_cls: type[Stream[Any]] | None = None,
        stream_item: Any = None,
        parser: Callable[[requests.Response], Any] | None = None,
        post_parser: Callable[[Any], Any] | None = None,
    ) -> Any:
        """Send ``options`` and parse the response into ``cast_to`` (or a ``Stream`` of ``stream_item``)."""
        raw: object = False
        headers = options.headers
        if headers and RAW_RESPONSE_HEADER in headers:
            raw = headers[RAW_RESPONSE_HEADER]
            options.headers = {k: v for k, v in headers.items() if k != RAW_RESPONSE_HEADER}
        send_stream = stream or raw == "stream"
        if self._fallback_models:
            from ._breaker import send_with_fallbacks

            http = self._http
            exchange = send_with_fallbacks(lambda o: http.send(o, stream=send_stream), options, self._fallback_models)
        else:
            exchange = self._http.send(options, stream=send_stream)
        stream_factory = None
        if stream:
            item_type = stream_item if stream_item is not None else cast_to
            factory = stream_cls or Stream
            http = self._http

            def stream_factory(response: requests.Response) -> Stream[Any]:
                return factory(cast_to=item_type, response=response, client=http, exchange=exchange)

        if raw:
            response_cls = StreamedAPIResponse if raw == "stream" else APIResponse
            return attach(
                response_cls(
                    exchange,
                    parse=lambda response: attach(
                        parse_response(
                            response, cast_to, stream_factory=stream_factory, parser=parser, post_parser=post_parser
                        ),
                        exchange,
                    ),
                ),
                exchange,
            )
        assert exchange.response is not None
        result = parse_response(
            exchange.response, cast_to, stream_factory=stream_factory, parser=parser, post_parser=post_parser
        )
        return result if stream else attach(result, exchange)

    def get_page(self, page_cls: type[_PageT], options: RequestOptions) -> _PageT:
        """Fetch a list endpoint into ``page_cls``, remembering how to fetch the pages after it."""

        def attach(page: _PageT) -> _PageT:
            page._client = self
            page._options = options
            return page

        return self.request(page_cls, options, post_parser=attach)  # type: ignore[no-any-return]

    def get(self, path: str, *, cast_to: type[_T], options: Mapping[str, Any] | None = None) -> _T:
        """``GET path`` (relative to ``base_url``, or absolute), parsed into ``cast_to``."""
        return self._low_level("GET", path, cast_to, None, options)  # type: ignore[no-any-return]

    def post(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object | None = None,
        options: Mapping[str, Any] | None = None,
        stream: bool = False,
        stream_cls: type[Stream[Any]] | None = None,
    ) -> _T:
        """``POST path`` with a JSON ``body``, parsed into ``cast_to`` (or streamed)."""
        return self._low_level("POST", path, cast_to, body, options, stream=stream, stream_cls=stream_cls)  # type: ignore[no-any-return]

    def patch(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> _T:
        return self._low_level("PATCH", path, cast_to, body, options)  # type: ignore[no-any-return]

    def put(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> _T:
        return self._low_level("PUT", path, cast_to, body, options)  # type: ignore[no-any-return]

    def delete(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> _T:
        return self._low_level("DELETE", path, cast_to, body, options)  # type: ignore[no-any-return]

    def _low_level(
        self,
        method: str,
        path: str,
        cast_to: Any,
        body: object | None,
        options: Mapping[str, Any] | None,
        *,
        stream: bool = False,
        stream_cls: type[Stream[Any]] | None = None,
    ) -> Any:
        opts = dict(options or {})
        unknown = set(opts) - {"headers", "params", "timeout", "extra_json", "max_retries"}
        if unknown:
            raise TypeError(f"Unknown request options: {sorted(unknown)}")
        client = self if "max_retries" not in opts else self.with_options(max_retries=opts["max_retries"])
        request_options = RequestOptions(
            method=method,
            path=path,
            json_data=body,
            params=opts.get("params"),
            headers=opts.get("headers"),
            extra_json=opts.get("extra_json"),
            timeout=opts.get("timeout", NOT_GIVEN),
        )
        return client.request(cast_to, request_options, stream=stream, stream_cls=stream_cls)


OpenAI = CacheAI  # `import cacheai as openai` / `from cacheai import OpenAI`: the same class
