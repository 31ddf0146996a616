"""A conversation session kept in a SQLite file, continued by a second client as a new process would.

CACHEAI_BASE_URL=http://localhost:8000/v1 python examples/sessions.py
"""

import os
import tempfile
from pathlib import Path

from cacheai import CacheAI

MODEL = os.environ.get("CACHEAI_MODEL", "gpt-4o-mini")

with tempfile.TemporaryDirectory() as folder:
    store = f"sqlite:///{Path(folder) / 'sessions.db'}"
    with CacheAI(sessions=store) as client:
        session = client.sessions.create(system="You are a terse assistant.", model=MODEL, max_tokens=64)
        print(session.send("Name one reason to write tests.").content)
        for text in session.stream("And one more?"):
            print(text, end="", flush=True)
        print()
        session_id = session.id

    with CacheAI(sessions=store) as later:  # e.g. the next request of a web app, in another process
        again = later.sessions.get(session_id)
        print(again.send("Thanks!").content)
        print(f"[{len(again.messages)} messages, {again.usage.total_tokens} tokens so far]")
