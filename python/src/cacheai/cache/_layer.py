"""``CacheLayer``: the response cache's place in the HTTP path (a ``cacheai._layers.Layer``).

``lookup`` builds the key (over the bytes about to be sent: the layer asks for canonical, sorted-key bodies)
and answers a hit with a replayed ``requests.Response`` (a stream's recorded event bytes, parsed again into the
same chunks); on a miss it asks the exchange to record a stream's bytes.
``complete`` stores only a whole success: status 200, a JSON body that parses, or a stream that reached its
``[DONE]``. ``abort`` stores nothing. A failing store never fails a call: it is counted and logged once per
outage, and the call goes to the server.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
from collections.abc import Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pydantic_core
import requests
import requests.cookies
import requests.structures

from .._layers import Layer
from ._config import CacheConfig, CacheControl, coerce_control
from ._embeddings import EmbeddingPlan, item_entry_body, items_of, merged_answer, send_only
from ._key import key_of_encoded, key_scope, make_key
from ._store import Cache, CorruptEntryError

if TYPE_CHECKING:
    from .._exchange import Exchange

__all__ = ["CacheLayer"]

log = logging.getLogger("cacheai")

NOTE = "cache"
EMBEDDINGS_NOTE = "cache.embeddings"
_NO_CONTROL = CacheControl()
_KEPT_HEADERS = ("content-type", "x-request-id", "openai-model", "openai-processing-ms")


class _Counters:
    """Hits, misses, stores and errors, shared by a layer and its per-control views."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        self.stores = 0
        self.errors = 0
        self.failing = False

    def hit(self) -> None:
        with self.lock:
            self.hits += 1

    def miss(self) -> None:
        with self.lock:
            self.misses += 1

    def stored(self) -> None:
        with self.lock:
            self.stores += 1

    def error(self) -> None:
        with self.lock:
            self.errors += 1


class CacheLayer(Layer):
    """The response cache of one client family; also ``client.cache`` (stats, clear, get, update, delete)."""

    canonical_body = True  # the key hashes the request's wire bytes, encoded with sorted keys

    def __init__(self, store: Cache, config: CacheConfig | None = None, *, control: CacheControl | None = None) -> None:
        self.store = store
        self.config = config or CacheConfig()
        self.control = control or _NO_CONTROL
        self._counters = _Counters()

    def with_control(self, control: object) -> CacheLayer:
        """A view of this cache (same store and counters) with a default per-call control."""
        view = CacheLayer.__new__(CacheLayer)
        view.store, view.config, view._counters = self.store, self.config, self._counters
        view.control = coerce_control(control) or _NO_CONTROL
        return view

    # -- the hooks ---------------------------------------------------------------------------------------------

    def lookup(self, exchange: Exchange) -> requests.Response | None:
        per_call = getattr(exchange.options, "cache", None)
        control = self.control if per_call is None else coerce_control(per_call) or self.control
        if control.bypass:
            return None
        endpoint = self._endpoint(exchange)
        if endpoint is None:
            return None
        if endpoint == "embeddings":
            return self._lookup_embeddings(exchange, control)
        key = self._key(exchange, exchange.body)
        exchange.cache_key = key
        if not control.refresh:
            try:  # _guard, inlined: this runs on every cached call
                entry = self.store.get(key)
            except Exception as exc:
                entry = self._failed(exc)
            else:
                if self._counters.failing:
                    self._recovered()
            if entry is not None and self._fresh(entry, control) and bool(entry.get("stream")) == exchange.stream:
                self._counters.hit()
                return _replay(entry, exchange)
        self._counters.miss()
        if not control.no_store:
            exchange.notes[NOTE] = key
            if exchange.stream:
                exchange.recorder = []
        return None

    def complete(self, exchange: Exchange) -> None:
        plan = exchange.notes.pop(EMBEDDINGS_NOTE, None)
        if plan is not None:
            self._complete_embeddings(exchange, plan)
            return
        key = exchange.notes.pop(NOTE, None)
        response = exchange.response
        if key is None or response is None or response.status_code != 200:
            return
        if exchange.stream:
            if not exchange.saw_end_marker or exchange.recorder is None:
                return
            data = b"".join(exchange.recorder)
            exchange.recorder = None
        else:
            data = response.content
            if not _is_json_answer(data):
                return
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return
        request = exchange.request
        entry = {
            "v": 1,
            "request": {"method": request.method, "path": _path_of(request.url or ""), "model": exchange.model},
            "status": 200,
            "headers": _kept_headers(response.headers),
            "body": text,
            "stream": exchange.stream,
            "created": self.config.clock(),
            "hits": 0,
        }
        if self._guard(self.store.set, key, entry, self.config.ttl, failed=False) is not False:
            self._counters.stored()

    def abort(self, exchange: Exchange, error: BaseException | None) -> None:
        exchange.notes.pop(NOTE, None)
        exchange.notes.pop(EMBEDDINGS_NOTE, None)
        exchange.recorder = None

    # -- the key -----------------------------------------------------------------------------------------------

    def key_for(self, exchange: Exchange) -> str | None:
        """The exchange's cache key, or ``None`` if it is not cacheable (method, endpoint, body, determinism)."""
        if self._endpoint(exchange) is None:
            return None
        return self._key(exchange, exchange.body)

    def _endpoint(self, exchange: Exchange) -> str | None:
        """The endpoint (path relative to the base URL) of a cacheable exchange, or ``None``."""
        body = exchange.body
        if exchange.request.method != "POST" or exchange.options.files is not None or not isinstance(body, Mapping):
            return None
        config = self.config
        endpoint = _relative(exchange).strip("/")
        if endpoint not in config.endpoints:
            return None
        if config.deterministic_only and not _deterministic(body):
            return None
        return endpoint

    def _key(self, exchange: Exchange, body: Mapping[str, Any], *extra: tuple[str, bool]) -> str:
        config = self.config
        request = exchange.request
        headers = request.headers
        scope = None
        if config.scope_by_api_key:
            auth = headers.get("Authorization") or headers.get("api-key") or ""
            scope = key_scope(auth)
        wire = request.body
        if exchange.body_canonical and not extra and not config.ignore_params and isinstance(wire, bytes):
            # The bytes about to be sent are canonical_json(body): hash them instead of encoding the body again.
            return key_of_encoded("POST", request.url or "", wire, headers, namespace=config.namespace, scope=scope)
        return make_key(
            "POST",
            request.url or "",
            body,
            headers,
            namespace=config.namespace,
            scope=scope,
            ignore_params=config.ignore_params,
            extra=extra,
        )

    # -- embeddings, per input item ----------------------------------------------------------------------------

    def _lookup_embeddings(self, exchange: Exchange, control: CacheControl) -> requests.Response | None:
        body = exchange.body
        items = items_of(body)
        if items is None:
            return None
        plan = EmbeddingPlan([self._key(exchange, {**body, "input": item}, ("item", True)) for item in items])
        plan.store = not control.no_store
        for position, key in enumerate(plan.keys):
            entry = None if control.refresh else self._guard(self.store.get, key)
            if entry is not None and self._fresh(entry, control):
                try:
                    plan.hits[position] = json.loads(entry["body"])
                except ValueError:
                    plan.sent.append(position)
                    continue
                plan.model = plan.model or entry.get("model")
            else:
                plan.sent.append(position)
        (self._counters.miss if plan.sent else self._counters.hit)()
        if not plan.sent:
            exchange.cache_key = plan.keys[0] if len(plan.keys) == 1 else None
            answer = merged_answer(plan, None, len(items))
            return _replay(
                {"status": 200, "body": json.dumps(answer), "headers": {"content-type": "application/json"}}, exchange
            )
        if plan.hits:
            send_only(exchange, plan.sent, items)
        if plan.hits or plan.store:
            exchange.notes[EMBEDDINGS_NOTE] = plan
        return None

    def _complete_embeddings(self, exchange: Exchange, plan: EmbeddingPlan) -> None:
        response = exchange.response
        if response is None or response.status_code != 200:
            return
        try:
            answer = json.loads(response.content)
            received = sorted(answer["data"], key=lambda d: d.get("index", 0))
        except (ValueError, KeyError, TypeError, AttributeError):
            return
        if len(received) != len(plan.sent):
            return
        if plan.store:
            now = self.config.clock()
            for position, item in zip(plan.sent, received, strict=True):
                entry = {
                    "v": 1,
                    "request": {
                        "method": "POST",
                        "path": _path_of(exchange.request.url or ""),
                        "model": exchange.model,
                    },
                    "status": 200,
                    "headers": {},
                    "body": item_entry_body(item),
                    "stream": False,
                    "model": answer.get("model"),
                    "created": now,
                    "hits": 0,
                }
                if self._guard(self.store.set, plan.keys[position], entry, self.config.ttl, failed=False) is not False:
                    self._counters.stored()
        if plan.hits:
            merged = merged_answer(plan, answer, len(plan.keys))
            response._content = json.dumps(merged, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    # -- client.cache ------------------------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """This process's hits, misses, stores and errors, and the store's entries and bytes."""
        counters = self._counters
        with counters.lock:
            figures: dict[str, Any] = {
                "hits": counters.hits,
                "misses": counters.misses,
                "stores": counters.stores,
                "errors": counters.errors,
            }
        stored = self._guard(self.store.stats)
        figures.update(stored if isinstance(stored, dict) else {"entries": None, "bytes": None})
        return figures

    def clear(self) -> int:
        """Remove every entry; how many were removed."""
        return int(self.store.clear())

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored entry: ``request`` summary, ``body`` (the answer), ``created``, ``hits``; or ``None``."""
        return self.store.get(key)

    def update(self, key: str, *, output: str | Mapping[str, Any]) -> dict[str, Any]:
        """Replace a stored answer (a JSON object or its text); raises ``KeyError`` for an unknown key."""
        entry = self.store.get(key)
        if entry is None:
            raise KeyError(key)
        if isinstance(output, Mapping):
            if entry.get("stream"):
                raise ValueError("this entry is a stream: pass its event-stream text as output")
            output = json.dumps(output, ensure_ascii=False, separators=(",", ":"))
        entry["body"] = output
        self.store.set(key, entry, self.config.ttl)
        return entry

    def delete(self, key: str) -> bool:
        """Remove one entry; whether it existed."""
        return bool(self.store.delete(key))

    # -- helpers -----------------------------------------------------------------------------------------------

    def _fresh(self, entry: dict[str, Any], control: CacheControl) -> bool:
        age = self.config.clock() - float(entry["created"])
        ttl = self.config.ttl
        if ttl is not None and age > ttl:
            return False
        return control.max_age is None or age <= control.max_age

    def _guard(self, call: Any, *args: Any, failed: Any = None) -> Any:
        """Run a store call; on an error count it, log once per outage, and return ``failed``."""
        try:
            result = call(*args)
        except Exception as exc:
            return self._failed(exc, failed)
        if self._counters.failing:
            self._recovered()
        return result

    def _failed(self, exc: Exception, failed: Any = None) -> Any:
        """Count a store error and log it (a corrupt entry each time, an outage once); ``failed``."""
        counters = self._counters
        counters.error()
        if isinstance(exc, CorruptEntryError):
            log.warning("cacheai cache: discarded a corrupt entry (%s)", exc)
            return failed
        with counters.lock:
            first, counters.failing = not counters.failing, True
        if first:
            log.warning(
                "cacheai cache: the store failed (%s: %s); calls go to the server until it recovers",
                type(exc).__name__,
                exc,
            )
        return failed

    def _recovered(self) -> None:
        counters = self._counters
        with counters.lock:
            counters.failing = False
        log.warning("cacheai cache: the store works again")

    def __repr__(self) -> str:
        return f"CacheLayer({self.store!r})"


def _relative(exchange: Exchange) -> str:
    """The request's path relative to the client's base URL ("" if it is elsewhere)."""
    base = exchange.owner.base_url if exchange.owner is not None else ""
    return _relative_path(exchange.request.url or "", base)


@functools.lru_cache(maxsize=1024)
def _relative_path(url: str, base: str) -> str:
    url = url.split("?", 1)[0]
    return url[len(base) :] if base and url.startswith(base) else ""


def _deterministic(body: Mapping[str, Any]) -> bool:
    return body.get("temperature") == 0 or body.get("seed") is not None


def _kept_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """The answer headers an entry keeps (content type, request id, model, processing time)."""
    store = getattr(headers, "_store", None)  # requests' CaseInsensitiveDict: lower-cased name -> (name, value)
    if isinstance(store, dict):
        kept = {}
        for name in _KEPT_HEADERS:
            found = store.get(name)
            if found is not None:
                kept[name] = found[1]
        return kept
    return {k.lower(): v for k, v in headers.items() if k.lower() in _KEPT_HEADERS}


def _is_json_answer(data: bytes) -> bool:
    """Whether ``data`` is one JSON object without an ``error``: the whole document is parsed (by jiter, in
    Rust), but only its ``error`` member becomes a Python object (half the cost of ``from_json``)."""
    try:
        parsed = _ERROR_ONLY.validate_json(data)
    except ValueError:  # pydantic_core.ValidationError: not JSON, or not an object
        return False
    return not parsed.get("error")


_ERROR_ONLY = pydantic_core.SchemaValidator(
    pydantic_core.core_schema.typed_dict_schema(
        {"error": pydantic_core.core_schema.typed_dict_field(pydantic_core.core_schema.any_schema(), required=False)},
        extra_behavior="ignore",
    )
)


def _path_of(url: str) -> str:
    return urlsplit(url).path


def _replay(entry: dict[str, Any], exchange: Exchange) -> requests.Response:
    """A ``requests.Response`` carrying a stored answer, read already (a stream replays from its bytes)."""
    response = requests.Response.__new__(requests.Response)  # __init__ builds a cookie jar a replay never uses
    stored = entry.get("headers")
    headers: requests.structures.CaseInsensitiveDict[str] = requests.structures.CaseInsensitiveDict()
    # Filled as CaseInsensitiveDict.__setitem__ would, without its MutableMapping.update round per header.
    pairs = stored.items() if isinstance(stored, dict) else ()
    headers._store = {name.lower(): (name, value) for name, value in pairs}  # type: ignore[attr-defined]
    headers._store["x-cacheai-cache"] = ("x-cacheai-cache", "hit")  # type: ignore[attr-defined]
    response.headers = headers
    response.status_code = int(entry["status"])
    response.reason = "OK"
    response._content = str(entry["body"]).encode("utf-8")
    response._content_consumed = True  # type: ignore[attr-defined]
    response._next = None  # type: ignore[attr-defined]
    response.raw = None
    response.encoding = "utf-8"
    response.history = []
    response.cookies = _NO_COOKIES
    response.url = exchange.request.url or ""
    response.request = exchange.request
    response.elapsed = _NO_TIME
    return response


_NO_TIME = timedelta(0)
_NO_COOKIES = requests.cookies.RequestsCookieJar()
