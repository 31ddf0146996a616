"""``FakeOpenAIServer``: lifecycle, scripted replies, faults and the request record."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Collection, Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any

from ._faults import BatchFaults, ForcedResponse, StreamFaults, encode_body, error_body
from ._handler import FakeHTTPServer
from ._keys import KeyRules
from ._ratelimits import FakeRateLimits
from ._records import RecordedRequest
from ._replies import Reply, ReplySource, default_reply
from ._response_store import ResponseStore
from ._routes import JsonOutcome, route
from ._storage import Storage
from ._store import BatchStore, FileStore
from ._voices import VoiceStore

__all__ = ["DEFAULT_MODELS", "FakeOpenAIServer"]

DEFAULT_MODELS = ("gpt-4o-mini", "gpt-4o", "text-embedding-3-small", "fake-model")


class FakeOpenAIServer:
    """A real OpenAI-compatible HTTP/1.1 server on 127.0.0.1 for tests (see ``cacheai.testing`` for the API).

    Use it as a context manager (or call ``start()``/``stop()``); ``base_url`` is ``http://127.0.0.1:<port>/v1``.
    Every method is thread-safe; scripted replies and faults apply from the next request on.
    """

    def __init__(
        self,
        *,
        port: int = 0,
        api_key: str | None = None,
        api_keys: Iterable[str] | None = None,
        models: Sequence[str] = DEFAULT_MODELS,
        embedding_dimensions: int = 1536,
        verbose: bool = False,
        rate_limits: FakeRateLimits | None = None,
    ) -> None:
        self.api_key = api_key
        self.rate_limits = rate_limits  # RPM/TPM enforcement (see _ratelimits.py); None: unlimited
        self._keys = KeyRules([*(api_keys or ()), *([api_key] if api_key else [])])
        self.models: tuple[str, ...] = tuple(models)
        self.default_model = self.models[0] if self.models else "fake-model"
        self.default_embedding_model = next((m for m in self.models if "embedding" in m), self.default_model)
        self.embedding_dimensions = embedding_dimensions
        self.verbose = verbose
        self._port = port
        self._lock = threading.RLock()
        self._closing = threading.Event()
        self._http: FakeHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._errors: list[BaseException] = []
        self._init_state()

    def _init_state(self) -> None:
        self._requests: list[RecordedRequest] = []
        self._reply: ReplySource | None = None
        self._queued: deque[ReplySource] = deque()
        self._forced: list[ForcedResponse] = []
        self._stream_faults = StreamFaults()
        self._stream_fault_uses: int | None = None
        self.latency = 0.0
        self.response_headers: dict[str, str] = {}
        self._files = FileStore()
        self._batches = BatchStore(self._files, self._run_batch_line)
        self._storage = Storage(self._files)  # fine-tuning jobs, uploads, vector stores
        self._responses = ResponseStore()
        self._voices = VoiceStore()

    # --- lifecycle --------------------------------------------------------------------------------------

    def start(self) -> FakeOpenAIServer:
        """Bind 127.0.0.1 (port 0 = a free port) and serve in a background thread."""
        if self._http is not None:
            return self
        self._closing.clear()
        self._http = FakeHTTPServer(self, self._port)
        self._thread = threading.Thread(
            target=self._http.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="cacheai-fake-openai",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, release stalled streams and close every connection."""
        http, thread = self._http, self._thread
        if http is None:
            return
        self._closing.set()
        http.shutdown()
        http.close_connections()
        http.server_close()
        if thread is not None:
            thread.join()
        self._http = self._thread = None

    def serve_forever(self) -> None:
        """Serve in the calling thread until ``KeyboardInterrupt`` (used by ``cacheai serve-fake``)."""
        self.start()
        try:
            self._closing.wait()
        finally:
            self.stop()

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._http is None:
            raise RuntimeError("the fake server is not running; use it as a context manager or call start()")
        return int(self._http.server_address[1])

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>`` (no path)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """The URL to give a client: ``http://127.0.0.1:<port>/v1``."""
        return f"{self.url}/v1"

    # --- scripted replies -------------------------------------------------------------------------------

    def set_reply(self, reply: ReplySource | None) -> None:
        """Answer every chat/completion/response request with ``reply`` (``None`` restores the default model).

        ``reply`` is a text, a ``Reply`` (content, tool calls, finish reason) or a callable receiving the
        ``RecordedRequest`` and returning either.
        """
        with self._lock:
            self._reply = reply

    def queue_replies(self, *replies: ReplySource) -> None:
        """Answer the next requests with these replies, one per request in order, then fall back."""
        with self._lock:
            self._queued.extend(replies)

    # --- faults -----------------------------------------------------------------------------------------

    def fail_next(
        self,
        n: int = 1,
        status: int = 500,
        *,
        message: str | None = None,
        code: str | None = None,
        type: str | None = None,
        param: str | None = None,
        headers: Mapping[str, str] | None = None,
        body: bytes | str | Mapping[str, Any] | None = None,
        path: str | None = None,
    ) -> None:
        """Make the next ``n`` requests (only those whose path ends with ``path``, when given) fail.

        The default body is OpenAI's ``{"error": {"message", "type", "param", "code"}}`` with type and code
        fitting ``status`` (429: ``requests``/``rate_limit_exceeded``); ``body`` replaces it verbatim;
        ``headers`` are added (``retry-after``, ``x-ratelimit-*``, ``x-should-retry``...).
        """
        forced = ForcedResponse.error(
            status, message=message, code=code, type=type, param=param, headers=headers, body=body, path=path
        )
        with self._lock:
            self._forced.extend([forced] * n)

    def respond_next(
        self,
        status: int = 200,
        body: bytes | str | Mapping[str, Any] = b"",
        *,
        headers: Mapping[str, str] | None = None,
        content_type: str = "application/json",
        path: str | None = None,
    ) -> None:
        """Send this exact response (raw body and headers) to the next request (on ``path``, when given)."""
        forced = ForcedResponse(status, encode_body(body), dict(headers or {}), content_type=content_type, path=path)
        with self._lock:
            self._forced.append(forced)

    def drop_next(self, n: int = 1, *, path: str | None = None) -> None:
        """Close the connection of the next ``n`` requests without answering (a connection error)."""
        with self._lock:
            self._forced.extend([ForcedResponse(0, b"", path=path, drop=True)] * n)

    def close_connections(self) -> None:
        """Close every open client connection now (e.g. to test reconnecting after idle keep-alive)."""
        if self._http is not None:
            self._http.close_connections()

    def set_latency(self, seconds: float) -> None:
        """Wait this long before answering every request (interrupted when the server stops)."""
        with self._lock:
            self.latency = seconds

    def set_stream_faults(
        self,
        *,
        stall_after: int | None = None,
        cut_after: int | None = None,
        error_after: int | None = None,
        error: Mapping[str, Any] | None = None,
        keepalive_comments: bool = False,
        no_done: bool = False,
        empty: bool = False,
        chunk_delay: float = 0.0,
        stall_timeout: float = 60.0,
        times: int | None = None,
    ) -> None:
        """Make streamed responses misbehave (see ``StreamFaults``); ``times``: only the next N streams."""
        faults = StreamFaults(
            stall_after=stall_after,
            cut_after=cut_after,
            error_after=error_after,
            error=error,
            keepalive_comments=keepalive_comments,
            no_done=no_done,
            empty=empty,
            chunk_delay=chunk_delay,
            stall_timeout=stall_timeout,
        )
        with self._lock:
            self._stream_faults = faults
            self._stream_fault_uses = times

    def set_batch_faults(
        self,
        *,
        fail_custom_ids: Collection[str] | str = (),
        expire_after: int | None = None,
        fail_batch: Sequence[Mapping[str, Any]] | None = None,
        empty_error_file_id: bool = False,
    ) -> None:
        """Make batches that finish from now on misbehave (see ``BatchFaults``); call with no argument to reset."""
        ids = fail_custom_ids if fail_custom_ids == "all" else frozenset(fail_custom_ids)
        faults = BatchFaults(
            fail_custom_ids=ids,
            expire_after=expire_after,
            fail_batch=tuple(fail_batch) if fail_batch is not None else None,
            empty_error_file_id=empty_error_file_id,
        )
        with self._lock:
            self._batches.faults = faults

    def revoke_key(self, key: str) -> None:
        """Answer every request made with ``key`` with 401 from now on."""
        self._keys.revoke(key)

    def rate_limit_key(self, key: str, seconds: float) -> None:
        """Answer requests made with ``key`` with 429 (and ``retry-after``) for ``seconds``; ``0`` lifts it."""
        self._keys.rate_limit(key, seconds)

    def set_response_headers(self, headers: Mapping[str, str]) -> None:
        """Add these headers to every response from now on (e.g. ``x-ratelimit-remaining-requests``)."""
        with self._lock:
            self.response_headers = dict(headers)

    def reset(self) -> None:
        """Forget scripted replies, faults (revoked and rate-limited keys too), latency, headers, requests, and
        every stored object: files, batches, fine-tuning jobs, uploads, vector stores and responses."""
        with self._lock:
            self._init_state()
            self._keys.clear()

    # --- the record -------------------------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    @property
    def last_request(self) -> RecordedRequest:
        """The most recent request (``LookupError`` when none arrived yet)."""
        with self._lock:
            if not self._requests:
                raise LookupError("the fake server has not received any request yet")
            return self._requests[-1]

    def requests_to(self, path: str) -> list[RecordedRequest]:
        """The recorded requests whose path ends with ``path`` (e.g. ``"/chat/completions"``)."""
        return [r for r in self.requests if r.path == path or r.path.endswith(path)]

    def clear_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    @property
    def errors(self) -> list[BaseException]:
        """Unexpected exceptions raised inside the fake server (answered with 500); should stay empty."""
        return list(self._errors)

    # --- used by the request handler --------------------------------------------------------------------

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _sleep(self, seconds: float) -> bool:
        """Sleep unless the server stops first; ``False`` when it is stopping."""
        if seconds <= 0:
            return not self._closing.is_set()
        return not self._closing.wait(seconds)

    def _take_forced(self, path: str) -> ForcedResponse | None:
        with self._lock:
            for index, forced in enumerate(self._forced):
                if forced.matches(path):
                    return self._forced.pop(index)
            return None

    def _key_denial(self, authorization: str | None) -> ForcedResponse | None:
        return self._keys.denial(authorization)

    def _take_stream_faults(self) -> StreamFaults:
        with self._lock:
            faults = self._stream_faults
            if self._stream_fault_uses is not None:
                self._stream_fault_uses -= 1
                if self._stream_fault_uses <= 0:
                    self._stream_faults, self._stream_fault_uses = StreamFaults(), None
            return faults

    def _next_reply(
        self, request: RecordedRequest, chat_body: Mapping[str, Any], *, default: Reply | None = None
    ) -> Reply:
        """The next scripted reply (queued first, then ``set_reply``), else the default model's."""
        with self._lock:
            source = self._queued.popleft() if self._queued else self._reply
        if source is None:
            return default if default is not None else default_reply(chat_body)
        if callable(source):
            made = source(request)
            if not isinstance(made, (str, Reply)):
                name = getattr(source, "__qualname__", repr(source))
                raise TypeError(
                    f"the reply callable {name} returned {type(made).__name__}; it must return a str or a Reply"
                )
            source = made
        return Reply(content=source) if isinstance(source, str) else source

    def _run_batch_line(self, endpoint: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        request = RecordedRequest("POST", endpoint, {}, {}, {**body, "stream": False}, b"")
        outcome = route(self, request)
        if isinstance(outcome, JsonOutcome):
            return outcome.status, outcome.body
        return 500, error_body("unexpected non-JSON batch result", status=500)
