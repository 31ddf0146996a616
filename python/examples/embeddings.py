"""Embeddings: embed a few sentences and find the one closest to a query (cosine similarity).

CACHEAI_BASE_URL=http://127.0.0.1:8765/v1 python examples/embeddings.py
"""

import math
import os

from cacheai import CacheAI as OpenAI

MODEL = os.environ.get("CACHEAI_EMBEDDING_MODEL", "text-embedding-3-small")
DOCUMENTS = ["Cats sleep most of the day.", "Python is a programming language.", "Paris is in France."]


def cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


with OpenAI() as client:
    response = client.embeddings.create(model=MODEL, input=DOCUMENTS)
    vectors = [item.embedding for item in response.data]
    print(f"{len(vectors)} vectors of {len(vectors[0])} dimensions ({response.usage.total_tokens} tokens)")

    query = client.embeddings.create(model=MODEL, input="Which language should I learn?").data[0].embedding
    scores = [cosine(query, vector) for vector in vectors]
    best = max(range(len(DOCUMENTS)), key=scores.__getitem__)
    print(f"Closest document: {DOCUMENTS[best]!r} (similarity {scores[best]:.3f})")
