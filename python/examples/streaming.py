"""Streaming: print the answer as it is generated, then the token usage.

CACHEAI_BASE_URL=http://127.0.0.1:8765/v1 python examples/streaming.py
"""

import os

from cacheai import CacheAI as OpenAI

MODEL = os.environ.get("CACHEAI_MODEL", "gpt-4o-mini")

with OpenAI() as client:
    stream = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Count from one to five in words."}],
        max_tokens=64,
        stream=True,
        stream_options={"include_usage": True},  # one last chunk carries the usage
    )
    with stream:
        for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                print(chunk.choices[0].delta.content, end="", flush=True)
            if chunk.usage is not None:
                print(f"\n[{chunk.usage.total_tokens} tokens]")
