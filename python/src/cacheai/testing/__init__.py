"""Test without a network or a bill: a fake OpenAI-compatible server and a pytest plugin.

``FakeOpenAIServer`` is a real HTTP/1.1 server (standard library, threaded, keep-alive) on 127.0.0.1 and a
free port. It works with any OpenAI-compatible client, in this process or another one.

``FakeCacheAIService`` (module ``_service``) fakes the CacheAI semantic-cache service: misses, then hits after a
``PUT /cache/{key}``; exact match on the normalised prompt; ``api_key`` auth; ``fail_next(n, status)`` faults.

Lifecycle
    ``with FakeOpenAIServer(api_key=None, models=..., embedding_dimensions=1536, port=0) as server:``
    (or ``server.start()`` / ``server.stop()``); ``server.base_url`` is ``http://127.0.0.1:<port>/v1``,
    ``server.url`` the same without ``/v1``, ``server.port`` the port. With ``api_key`` set, requests without
    ``Authorization: Bearer <api_key>`` get a 401. Stopping releases stalled streams and open connections.

Per-key behaviour
    ``FakeOpenAIServer(api_keys=[...])`` accepts only these keys (401 for any other);
    ``server.revoke_key(key)`` answers that key with 401 from now on; ``server.rate_limit_key(key, seconds)``
    answers it with 429 and ``retry-after`` for ``seconds`` (``0`` lifts it). ``RecordedRequest.api_key`` is
    the key a request carried.

Endpoints (with or without the ``/v1`` prefix)
    ``POST /chat/completions`` (plain and SSE, ``n``, ``stop``, ``max_tokens``/``max_completion_tokens``,
    ``stream_options.include_usage``, tools), ``POST /completions`` (+ stream), ``GET /models``,
    ``GET /models/{id}`` (404 ``model_not_found`` for unknown ids), ``POST /embeddings`` (float or base64,
    deterministic unit vectors of any ``dimensions``), ``POST|GET /files``, ``GET|DELETE /files/{id}``,
    ``GET /files/{id}/content``, ``POST|GET /batches``, ``GET /batches/{id}`` (each retrieval moves a batch
    validating -> in_progress -> completed; on completion every input line runs through the fake model
    into an output file), ``POST /batches/{id}/cancel``, ``POST /responses`` (+ stream; stored unless ``store: false``),
    ``GET|DELETE /responses/{id}`` (``?stream=true&starting_after=n`` replays its events),
    ``GET /responses/{id}/input_items`` (cursor page, newest first by default), ``POST /responses/input_tokens``
    (the fake model's count of the input), ``POST /responses/compact`` (one ``compaction`` item holding the
    conversation: a stored ``previous_response_id``'s input and output, then ``input``).
    Fine-tuning: ``POST|GET /fine_tuning/jobs`` (``metadata[k]`` filter), ``GET /fine_tuning/jobs/{id}`` (each
    retrieval moves a job validating_files -> running -> succeeded, with a ``fine_tuned_model``, events, a
    checkpoint and a result file), ``POST .../cancel|pause|resume``, ``GET .../events|checkpoints``.
    Uploads: ``POST /uploads``, ``POST /uploads/{id}/parts`` (multipart ``data``), ``POST .../complete`` (the
    parts, in ``part_ids`` order, become a file; their size must be the upload's ``bytes``), ``POST .../cancel``.
    Vector stores: ``POST|GET /vector_stores``, ``GET|POST|DELETE /vector_stores/{id}``, ``POST .../search``
    (files scored by the share of the query's words they contain; ``filters`` on attributes, ``max_num_results``,
    ``ranking_options.score_threshold``), ``.../files`` (attach, list, retrieve, update attributes, detach,
    ``content``; processed at once) and ``.../file_batches`` (create, retrieve, cancel, ``files``).
    Media: ``POST /moderations`` (flags a category when the text has a trigger word: "attack", "idiot", ...),
    ``POST /images/generations|edits|variations`` (grey PNGs of the asked ``size``, ``b64_json`` or, for
    dall-e models, URLs the fake server serves; partial-image streams), ``POST /audio/speech`` (WAV/PCM/MP3
    silence, 0.3 s a word; ``stream_format="sse"``), ``POST /audio/transcriptions|translations`` (multipart;
    every ``response_format``, streamed deltas; the transcript is the scripted reply, else
    ``"Fake transcript of <file name>."``), ``POST|GET /audio/voice_consents``, ``GET|POST|DELETE
    /audio/voice_consents/{id}``, ``POST /audio/voices`` (from a sample and a known consent, or a prompt) and
    ``DELETE /audio/voices/{id}``. Array form fields (``include[]``) are recorded as lists.

The default model (deterministic)
    Chat: ``"Echo: <last user message>"``; with ``tools`` and a user message last, it calls the named
    (else first) tool with string arguments filled with the user's text; after a tool result it answers
    ``"The <tool> tool returned: <content>"``. Completions: ``"Echo: <prompt>"``. Tokens are words
    (whitespace-separated); prompt tokens add 3 per chat message. Streams send one word per chunk.

Scripted replies (a ``str``, a ``Reply`` or a callable ``(RecordedRequest) -> str | Reply``)
    ``server.set_reply(reply)``                 every request from now on (``None``: the default model)
    ``server.queue_replies(r1, r2, ...)``       one per request, in order, before ``set_reply``/default
    ``Reply(content=..., tool_calls=[ToolCall(name, arguments)], finish_reason=..., refusal=...)``
    ``Reply.tool_call(name, {"city": "Paris"})``

Faults
    ``server.fail_next(n=1, status=500, *, message=, code=, type=, param=, headers=, body=, path=)``
        the next ``n`` requests (on ``path`` only, if given) get ``status`` with an OpenAI-shaped error
        body (or ``body`` verbatim) and extra ``headers`` such as ``{"retry-after": "0"}``.
    ``server.respond_next(status=200, body=b"", *, headers=, content_type="application/json", path=)``
        one exact raw response (e.g. HTML from a proxy, invalid JSON, an empty body).
    ``server.drop_next(n=1, *, path=None)``     close the connection without answering (a connection error).
    ``server.close_connections()``              close every open connection now (stale keep-alive).
    ``server.set_latency(seconds)``             delay before every response.
    ``server.set_stream_faults(*, stall_after=, cut_after=, error_after=, error=, keepalive_comments=,
    no_done=, empty=, chunk_delay=, stall_timeout=60.0, times=None)``
        streamed responses: stop sending after k events but keep the connection open (``stall_after``),
        close the connection after k events without the terminating chunk (``cut_after``), send
        ``data: {"error": {...}}`` after k events (``error_after``, inner object ``error``), send
        ``: ping`` comments before every event, end without ``data: [DONE]``, answer 200 with an empty
        event stream (llama.cpp's context overflow), wait ``chunk_delay`` before each event; ``times``
        limits the faults to the next N streams (default: until ``reset()``).
    ``server.set_batch_faults(*, fail_custom_ids=, expire_after=, fail_batch=, empty_error_file_id=)``
                                                batches end with failed lines, expired, failed, ``error_file_id: ""``.
    ``server.set_response_headers(headers)``    extra headers on every response.
    ``FakeOpenAIServer(rate_limits=FakeRateLimits(rpm=, tpm=, clock=))``
        enforce RPM/TPM like OpenAI: 429s with its error body, ``retry-after``/``retry-after-ms``, and
        ``x-ratelimit-*`` headers on every model response; counters ``admitted``, ``rejected``.
    ``server.reset()``                          forget replies, faults, latency, requests and every stored object.

Recording
    ``server.requests`` (list of ``RecordedRequest``: ``method``, ``path``, ``query``, ``headers`` with
    lower-cased names, ``body`` parsed JSON or multipart fields, ``raw_body``, ``api_key``; ``.json()``),
    ``server.last_request``, ``server.requests_to("/chat/completions")``, ``server.clear_requests()``,
    ``server.errors`` (exceptions inside the fake server; answered with a 500).

Every response carries ``x-request-id``; objects are shaped as OpenAI's (``chatcmpl-...`` ids, ``object``,
``created``, ``model``, ``usage``, ``system_fingerprint``).

pytest fixtures (registered automatically): ``fake_openai`` (a running ``FakeOpenAIServer``) and
``cacheai_client`` (a ``cacheai.CacheAI`` pointed at it, closed afterwards).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:  # imported lazily below: pytest loads this package's plugin for every cacheai user
    from ._faults import StreamFaults
    from ._ratelimits import FakeRateLimits
    from ._records import RecordedRequest
    from ._replies import Reply, ReplySource, ToolCall
    from ._server import DEFAULT_MODELS, FakeOpenAIServer
    from ._service import FakeCacheAIService, ServiceRequest

__all__ = [
    "DEFAULT_MODELS",
    "FakeCacheAIService",
    "FakeOpenAIServer",
    "FakeRateLimits",
    "RecordedRequest",
    "Reply",
    "ReplySource",
    "ServiceRequest",
    "StreamFaults",
    "ToolCall",
]

_HOMES = {
    "DEFAULT_MODELS": "._server",
    "FakeOpenAIServer": "._server",
    "FakeRateLimits": "._ratelimits",
    "FakeCacheAIService": "._service",
    "ServiceRequest": "._service",
    "RecordedRequest": "._records",
    "Reply": "._replies",
    "ReplySource": "._replies",
    "StreamFaults": "._faults",
    "ToolCall": "._replies",
}


__getattr__, __dir__ = lazy_exports(__name__, _HOMES)
