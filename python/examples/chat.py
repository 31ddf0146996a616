"""Chat: the openai code you already have, running on cacheai.

Run against any OpenAI-compatible server:
    CACHEAI_BASE_URL=http://localhost:8000/v1 python examples/chat.py
or, with no server at all, start the fake one first:  cacheai serve-fake --port 8765
    CACHEAI_BASE_URL=http://127.0.0.1:8765/v1 python examples/chat.py
"""

import os

from cacheai import CacheAI as OpenAI  # the only line that changes

MODEL = os.environ.get("CACHEAI_MODEL", "gpt-4o-mini")

# Reads CACHEAI_BASE_URL / CACHEAI_API_KEY (then OPENAI_BASE_URL / OPENAI_API_KEY) from the environment.
client = OpenAI()

completion = client.chat.completions.create(
    model=MODEL,
    messages=[
        {"role": "system", "content": "You are a terse assistant."},
        {"role": "user", "content": "Name one reason to write tests."},
    ],
    max_tokens=64,
)
print(completion.choices[0].message.content)
if completion.usage is not None:
    print(f"[{completion.usage.prompt_tokens} prompt + {completion.usage.completion_tokens} completion tokens]")
client.close()
