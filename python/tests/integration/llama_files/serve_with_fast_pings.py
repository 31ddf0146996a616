"""Runs llama-cpp-python's OpenAI-compatible server unchanged, except for how often it pings.

The server keeps idle streams alive with SSE comments (``: ping - <timestamp>``) every 15 s. Here they come
every ``CACHEAI_LLAMA_PING_INTERVAL`` seconds, so that a stream lasting a fraction of a second carries some
and the tests can prove clients skip them. Run with the server's own arguments, in its virtual environment.
"""

import os
import runpy

import sse_starlette.sse

sse_starlette.sse.EventSourceResponse.DEFAULT_PING_INTERVAL = float(os.environ.get("CACHEAI_LLAMA_PING_INTERVAL", "15"))
runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
