"""``CacheAIService``: the CacheAI semantic-cache service as a cache layer (the protocol of cacheai 0.2.0).

A chat completion is first sent, as it is, to ``POST {service}/chat/completions`` with ``Authorization: Bearer
<CacheAI key>`` and the ``X-CacheAI-*`` headers. The service answers a ChatCompletion (a hit: the call is answered
from it, ``cacheai.info(r).cached`` is true) or ``{"requires_baseline_model": true, "cache_key": ...}`` (a miss:
the call goes on to the client's own ``base_url`` through the one HTTP path, and its answer is stored with
``PUT {service}/cache/{cache_key}``). A service that is down or answers 5xx sends the call straight to the baseline
(one warning per outage); a failed store never fails the call. The service's own HTTP goes through a private
``HTTPManager`` of the layer, without retries on the lookup.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import requests

from ._exceptions import APIConnectionError, APIStatusError, ValidationError
from ._http import HTTPManager, read_body
from ._layers import Layer
from ._retry import RetryPolicy
from ._types import RequestOptions, Timeout

if TYPE_CHECKING:
    from ._exchange import Exchange

__all__ = ["DEFAULT_SERVICE_URL", "CacheAIService"]

log = logging.getLogger("cacheai")

DEFAULT_SERVICE_URL = "https://api.cacheai.tech/v1"
_NOTE = "cacheai_service"


class CacheAIService(Layer):
    """The CacheAI service as the cache of a client: ``CacheAI(cache=CacheAIService(api_key=...), base_url=...)``.

    ``api_key`` defaults to ``CACHEAI_API_KEY``, ``base_url`` to ``CACHEAI_BASE_URL`` or ``DEFAULT_SERVICE_URL``.
    ``enable_cache=False`` sends ``X-CacheAI-Enable-Cache: false``. The ``baseline_model_*`` settings are sent as
    ``X-CacheAI-Baseline-Model-*`` headers; ``baseline_model_api_key`` only when ``send_baseline_key`` is true.
    """

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        *,
        enable_cache: bool = True,
        baseline_model_provider: str | None = None,
        baseline_model: str | None = None,
        baseline_model_api_key: str | None = None,
        baseline_model_base_url: str | None = None,
        timeout: float | Timeout | None = 60.0,
        send_baseline_key: bool = True,
        session: requests.Session | None = None,
    ) -> None:
        api_key = api_key or os.environ.get("CACHEAI_API_KEY")
        if not api_key:
            raise ValueError("The CacheAI service needs a key: pass api_key= or set CACHEAI_API_KEY")
        url = (base_url or os.environ.get("CACHEAI_BASE_URL") or DEFAULT_SERVICE_URL).rstrip("/") + "/"
        self.base_url = url
        self.enable_cache = enable_cache
        self.baseline_model_provider = baseline_model_provider
        self.baseline_model = baseline_model
        self.baseline_model_base_url = baseline_model_base_url
        self.send_baseline_key = send_baseline_key
        self._baseline_key = baseline_model_api_key
        self._baseline_missing: str | None = None  # set by cacheai.Client when no baseline is configured
        headers = {"Authorization": f"Bearer {api_key}", "Content-Type": "application/json"}
        if not enable_cache:
            headers["X-CacheAI-Enable-Cache"] = "false"
        for name, value in (
            ("Provider", baseline_model_provider),
            ("", baseline_model),
            ("API-Key", baseline_model_api_key if send_baseline_key else None),
            ("Base-URL", baseline_model_base_url),
        ):
            if value:
                headers["X-CacheAI-Baseline-Model" + (f"-{name}" if name else "")] = value
        self._session = session or requests.Session()
        self._http = HTTPManager(
            session=self._session,
            base_url=url,
            headers=headers,
            auth_header=None,
            default_query=None,
            timeout=timeout,
            max_retries=0,
            retry_policy=RetryPolicy(),
        )
        self._lock = threading.Lock()
        self._counts = dict.fromkeys(("lookups", "hits", "misses", "stores", "store_failures", "service_errors"), 0)
        self._service_down = False

    def __repr__(self) -> str:  # never shows a key
        return f"<CacheAIService base_url={self.base_url!r} enable_cache={self.enable_cache}>"

    # -- the layer -------------------------------------------------------------------------------------------

    def lookup(self, exchange: Exchange) -> requests.Response | None:
        request = exchange.request
        if request.method != "POST" or not (request.url or "").split("?", 1)[0].endswith("chat/completions"):
            return None
        body = exchange.body
        if not isinstance(body, Mapping):
            return None
        self._count("lookups")
        try:
            answer = self._http.send(
                RequestOptions(method="POST", path="chat/completions", json_data=dict(body)), stream=exchange.stream
            ).response
        except APIConnectionError as exc:
            return self._service_failed(f"unreachable ({type(exc).__name__})")
        except APIStatusError as exc:
            if exc.status_code >= 500:
                return self._service_failed(f"answered {exc.status_code}")
            raise  # a wrong CacheAI key or a rejected request is the caller's to fix
        assert answer is not None
        self._service_down = False
        if exchange.stream and "text/event-stream" in answer.headers.get("content-type", ""):
            self._count("hits")  # the service streams its answer as it is (0.2.0's streams)
            exchange.cache_key = answer.headers.get("x-cacheai-cache-key")
            return answer
        if exchange.stream:
            read_body(answer)
        try:
            data = answer.json()
        except ValueError:
            return self._service_failed("answered a body that is not JSON")
        if isinstance(data, dict) and data.get("requires_baseline_model"):
            key = data.get("cache_key")
            if not isinstance(key, str) or not key:
                return self._service_failed("asked for the baseline without a cache_key")
            if self._baseline_missing:
                raise ValidationError(self._baseline_missing)
            self._count("misses")
            exchange.cache_key = key
            exchange.notes[_NOTE] = key
            if exchange.stream:
                exchange.recorder = []
            return None
        self._count("hits")
        if isinstance(data, dict) and isinstance(data.get("cache_key"), str):
            exchange.cache_key = data["cache_key"]
        return _as_stream(data, answer) if exchange.stream else answer

    def complete(self, exchange: Exchange) -> None:
        key = exchange.notes.get(_NOTE)
        if key is None:
            return
        try:
            output = _output_of(exchange)
            if output is None:
                raise ValueError("the baseline's answer has no message content")
            self._put(key, {"output": output, "model_id": exchange.model, "prompt": _prompt_of(exchange.body)})
            self._count("stores")
        except Exception as exc:  # a failed store never fails the call
            self._count("store_failures")
            log.warning("CacheAI service: storing cache key %s failed (%s); the answer was not cached", key, exc)

    # -- the cache API ---------------------------------------------------------------------------------------

    def get(self, key: str) -> dict[str, Any] | None:
        """The service's entry for ``key`` (``GET /cache/{key}``), or ``None`` if it has none (as the local caches)."""
        try:
            return self._call("GET", key, None)
        except APIStatusError as exc:
            if exc.status_code == 404:
                return None
            raise

    def update(
        self,
        key: str,
        *,
        output: str | None = None,
        model_id: str | None = None,
        converter_type: str | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        """Correct the entry for ``key`` (``PUT /cache/{key}`` with the fields given)."""
        payload = {k: v for k, v in (("output", output), ("model_id", model_id), ("converter_type", converter_type))}
        payload = {k: v for k, v in {**payload, **fields}.items() if v is not None}
        if not payload:
            raise ValidationError("update() needs at least one field to change (output, model_id, converter_type, ...)")
        return self._put(key, payload)

    def delete(self, key: str) -> dict[str, Any]:
        """Remove the entry for ``key`` (``DELETE /cache/{key}``), where the service allows it."""
        try:
            return self._call("DELETE", key, None)
        except APIStatusError as exc:
            if exc.status_code in (405, 501):
                raise NotImplementedError(
                    f"The CacheAI service at {self.base_url} does not allow deleting cache entries "
                    f"(it answered {exc.status_code}); use update() to correct an entry instead"
                ) from exc
            raise

    def stats(self) -> dict[str, int]:
        """This process's ``hits``, ``misses``, ``stores`` and ``errors`` (as a local cache's), and the details:
        ``lookups``, ``store_failures``, ``service_errors`` (lookups that went straight to the baseline)."""
        with self._lock:
            counts = dict(self._counts)
        counts["errors"] = counts["store_failures"] + counts["service_errors"]
        return counts

    def close(self) -> None:
        self._session.close()

    # -- helpers ---------------------------------------------------------------------------------------------

    def _put(self, key: str, payload: dict[str, Any]) -> dict[str, Any]:
        return self._call("PUT", key, payload)

    def _call(self, method: str, key: str, payload: dict[str, Any] | None) -> dict[str, Any]:
        if not isinstance(key, str) or not key or "/" in key:
            raise ValidationError(f"A cache key is a non-empty string without '/', got {key!r}")
        response = self._http.send(RequestOptions(method=method, path=f"cache/{key}", json_data=payload), stream=False)
        assert response.response is not None
        content = response.response.content
        data = json.loads(content) if content else {}
        return data if isinstance(data, dict) else {"result": data}

    def _count(self, name: str) -> None:
        with self._lock:
            self._counts[name] += 1

    def _service_failed(self, why: str) -> requests.Response | None:
        self._count("service_errors")
        if not self._service_down:
            self._service_down = True
            log.warning("CacheAI service at %s %s; calls go straight to the baseline model", self.base_url, why)
        return None


def _prompt_of(body: Any) -> str:
    """The messages as ``role: content`` lines (as 0.2.0 stored them)."""
    lines = []
    for message in body.get("messages") or () if isinstance(body, Mapping) else ():
        if isinstance(message, Mapping) and message.get("role") and message.get("content"):
            content = message["content"]
            if not isinstance(content, str):
                content = " ".join(p.get("text", "") for p in content if isinstance(p, Mapping))
            lines.append(f"{message['role']}: {content}")
    return "\n".join(lines)


def _output_of(exchange: Exchange) -> str | None:
    """The first choice's text of the baseline's answer: its JSON body, or a stream's recorded events."""
    if exchange.recorder is not None:
        parts: list[str] = []
        for line in b"".join(exchange.recorder).splitlines():
            if not line.startswith(b"data:") or line[5:].strip() == b"[DONE]":
                continue
            event = json.loads(line[5:])
            for choice in event.get("choices") or ():
                if choice.get("index", 0) == 0 and (choice.get("delta") or {}).get("content"):
                    parts.append(choice["delta"]["content"])
        return "".join(parts) if parts else None
    assert exchange.response is not None
    data = exchange.response.json()
    content = data["choices"][0]["message"].get("content")
    return content if isinstance(content, str) else None


def _as_stream(data: Any, answer: requests.Response) -> requests.Response:
    """A stored ChatCompletion as the event stream a ``stream=True`` call expects (one content chunk)."""
    events = []
    for choice in data.get("choices") or ():
        message = choice.get("message") or {}
        delta = {"role": message.get("role", "assistant"), "content": message.get("content")}
        chunk = {
            "id": data.get("id", "cached"),
            "object": "chat.completion.chunk",
            "created": data.get("created", 0),
            "model": data.get("model", ""),
            "choices": [
                {"index": choice.get("index", 0), "delta": delta, "finish_reason": choice.get("finish_reason")}
            ],
        }
        events.append(b"data: " + json.dumps(chunk).encode() + b"\n\n")
    response = requests.Response()
    response.status_code = 200
    response.headers = requests.structures.CaseInsensitiveDict({"content-type": "text/event-stream"})
    response._content = b"".join(events) + b"data: [DONE]\n\n"
    response.url = answer.url
    response.request = answer.request
    response.raw = None
    return response
