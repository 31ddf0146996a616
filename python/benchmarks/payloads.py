"""The bytes the benchmark server sends, and the values a correct client must get back from them.

Everything is deterministic (fixed seed), so the harness can check each client's results exactly.
The bodies mimic what api.openai.com returns (field set, ids, float formatting), because parsing cost
depends on the shape of the JSON, not only on its size.
"""

from __future__ import annotations

import base64
import json
import random
import struct
from functools import lru_cache

CHAT_MODEL = "gpt-4o-mini"
EMBEDDING_MODEL = "text-embedding-3-small"
EMBEDDING_ROWS = 100
EMBEDDING_DIMENSIONS = 1536
MODEL_COUNT = 60
STREAM_TOKEN = " token"
STREAM_MODEL_PREFIX = "bench-stream-"
CHAT_CONTENT = (
    "Sure! Here is a short answer to your question. Caching responses avoids paying twice for the same "
    "prompt, and a fast client keeps the overhead of each call small compared with the model's latency."
)
CHAT_MESSAGES: list[dict[str, str]] = [
    {"role": "system", "content": "You are a helpful assistant. Answer briefly."},
    {"role": "user", "content": "Why would I cache LLM responses, and why does client overhead matter?"},
]
EMBEDDING_INPUTS: list[str] = [f"benchmark sentence number {i} about caching and clients" for i in range(100)]


def stream_model(chunks: int) -> str:
    """The model name that asks the benchmark server for a stream of ``chunks`` data events."""
    return f"{STREAM_MODEL_PREFIX}{chunks}"


def _dumps(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def chat_completion_body() -> bytes:
    return _dumps(
        {
            "id": "chatcmpl-BenchAbCdEfGhIjKlMnOpQrStUvWx",
            "object": "chat.completion",
            "created": 1763780000,
            "model": "gpt-4o-mini-2024-07-18",
            "choices": [
                {
                    "index": 0,
                    "message": {
                        "role": "assistant",
                        "content": CHAT_CONTENT,
                        "refusal": None,
                        "annotations": [],
                    },
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": 31,
                "completion_tokens": 41,
                "total_tokens": 72,
                "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                "completion_tokens_details": {
                    "reasoning_tokens": 0,
                    "audio_tokens": 0,
                    "accepted_prediction_tokens": 0,
                    "rejected_prediction_tokens": 0,
                },
            },
            "service_tier": "default",
            "system_fingerprint": "fp_560af6e559",
        }
    )


def _chunk(delta: dict[str, object], finish_reason: str | None) -> dict[str, object]:
    return {
        "id": "chatcmpl-BenchAbCdEfGhIjKlMnOpQrStUvWx",
        "object": "chat.completion.chunk",
        "created": 1763780000,
        "model": "gpt-4o-mini-2024-07-18",
        "service_tier": "default",
        "system_fingerprint": "fp_560af6e559",
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
    }


def stream_events(include_usage: bool) -> tuple[bytes, bytes, bytes, bytes]:
    """The SSE ``data:`` payloads of a stream: (first, repeated content, finish, tail after finish).

    A stream of N chunks is the first chunk (role), N-2 content chunks, the finish chunk, then the
    usage chunk when ``stream_options.include_usage`` was asked for, then ``[DONE]``.
    """
    first = _dumps(_chunk({"role": "assistant", "content": "", "refusal": None}, None))
    content = _dumps(_chunk({"content": STREAM_TOKEN}, None))
    finish = _dumps(_chunk({}, "stop"))
    tail = b""
    if include_usage:
        usage = _chunk({}, None)
        usage["choices"] = []
        usage["usage"] = {"prompt_tokens": 31, "completion_tokens": 1000, "total_tokens": 1031}
        tail = _dumps(usage)
    return first, content, finish, tail


def stream_content(chunks: int) -> str:
    """The text a client assembles from a stream of ``chunks`` chunks."""
    return STREAM_TOKEN * (chunks - 2)


def models_body() -> bytes:
    owners = ["system", "openai", "openai-internal"]
    data = [
        {"id": f"gpt-bench-model-{i:03d}", "object": "model", "created": 1700000000 + i, "owned_by": owners[i % 3]}
        for i in range(MODEL_COUNT)
    ]
    return _dumps({"object": "list", "data": data})


@lru_cache(maxsize=1)
def embedding_matrix() -> tuple[tuple[float, ...], ...]:
    """100 x 1536 float32 values (widened to Python floats), the same for every encoding."""
    rng = random.Random(1536)
    pack, unpack = struct.Struct("<f").pack, struct.Struct("<f").unpack
    return tuple(
        tuple(unpack(pack(rng.gauss(0.0, 0.03)))[0] for _ in range(EMBEDDING_DIMENSIONS)) for _ in range(EMBEDDING_ROWS)
    )


def embeddings_body(encoding: str, rows: int = EMBEDDING_ROWS) -> bytes:
    """An embeddings response; ``encoding`` is "float" (JSON numbers) or "base64" (little-endian float32)."""
    matrix = embedding_matrix()
    items = []
    for index in range(rows):
        vector = matrix[index % EMBEDDING_ROWS]
        embedding: object
        if encoding == "base64":
            embedding = base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
        else:
            embedding = list(vector)
        items.append({"object": "embedding", "index": index, "embedding": embedding})
    # OpenAI prints floats with the shortest repr of the widened float32 value, as json.dumps does.
    return _dumps(
        {
            "object": "list",
            "data": items,
            "model": EMBEDDING_MODEL,
            "usage": {"prompt_tokens": 900, "total_tokens": 900},
        }
    )
